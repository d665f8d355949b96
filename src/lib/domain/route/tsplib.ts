/**
 * TSPLIB files as plain text in, points and tours out; and the windowed instances the optimiser is
 * measured on: windows cut around the arrival times of a known optimal tour, so that tour meets
 * every window and nothing can be shorter (windows only remove tours), making the TSP optimum the
 * windowed optimum too. For `bench:route` and the tests; pure (the caller reads the files).
 */
import { tsplibEuc2dMatrix, type Matrix } from './matrix';
import { mulberry32 } from './prng';
import type { RouteProblem } from './problem';

export interface TsplibInstance {
	name: string;
	points: { x: number; y: number }[];
}

export function parseTsplib(text: string, fallbackName: string): TsplibInstance {
	const header = (key: string) => new RegExp(`^\\s*${key}\\s*:\\s*(.+?)\\s*$`, 'm').exec(text)?.[1];
	const name = header('NAME') ?? fallbackName;
	if (header('EDGE_WEIGHT_TYPE') !== 'EUC_2D') throw new Error(`${name}: only EUC_2D is supported`);
	const body = text.split(/^\s*NODE_COORD_SECTION\s*$/m)[1];
	if (body === undefined) throw new Error(`${name}: no NODE_COORD_SECTION`);
	const points: { x: number; y: number }[] = [];
	for (const line of body.split('\n')) {
		const fields = line.trim().split(/\s+/);
		if (fields[0] === 'EOF') break;
		if (fields.length < 3) continue;
		points.push({ x: Number(fields[1]), y: Number(fields[2]) });
	}
	const dimension = Number(header('DIMENSION'));
	if (points.length !== dimension || points.some((p) => !Number.isFinite(p.x + p.y))) {
		throw new Error(`${name}: expected ${dimension} coordinates, read ${points.length}`);
	}
	return { name, points };
}

/** A `.opt.tour` file: 0-based city indices in visiting order. */
export function parseTour(text: string, n: number): number[] {
	const body = text.split(/^\s*TOUR_SECTION\s*$/m)[1];
	if (body === undefined) throw new Error('no TOUR_SECTION');
	const tour: number[] = [];
	for (const field of body.trim().split(/\s+/)) {
		const id = Number(field);
		if (id === -1 || field === 'EOF') break;
		tour.push(id - 1);
	}
	const seen = new Set(tour);
	if (tour.length !== n || seen.size !== n || tour.some((c) => !(c >= 0 && c < n))) {
		throw new Error(`tour does not visit each of ${n} cities once`);
	}
	return tour;
}

export function tourLength(matrix: Matrix, tour: readonly number[]): number {
	let total = 0;
	tour.forEach((c, i) => (total += matrix.data[c * matrix.n + tour[(i + 1) % tour.length]!]!));
	return total;
}

export interface WindowedInstance {
	problem: RouteProblem;
	/** The tour the windows were cut around, as stop indices (into problem.stops) from the depot. */
	order: number[];
	/** Its length: the instance's optimum when the tour is an optimal TSP tour. */
	length: number;
}

/**
 * The tour's first city is the depot; one distance unit takes one minute and visits take none, so
 * the arrival at each city is the distance along the tour. Each window opens up to maxSide before
 * the arrival and closes up to maxSide after it, each side drawn at random (whole minutes, never
 * before 0). Random sides matter: with equal ones, sorting by closing time gives the optimal tour
 * away, and an earliest-deadline start would find it without searching.
 */
export function windowedInstance(
	instance: TsplibInstance,
	tour: readonly number[],
	maxSide: number,
	seed = 1
): WindowedInstance {
	const full = tsplibEuc2dMatrix(instance.points);
	// The depot is node 0; the other cities follow in TSPLIB id order (not the tour's, which the
	// optimiser must find), stop i being node i + 1.
	const depot = tour[0]!;
	const nodes = [depot, ...[...instance.points.keys()].filter((c) => c !== depot)];
	const n = nodes.length;
	const data = new Float64Array(n * n);
	for (let i = 0; i < n; i++) {
		for (let j = 0; j < n; j++) data[i * n + j] = full.data[nodes[i]! * full.n + nodes[j]!]!;
	}
	const matrix = { n, data };
	const nodeOf = new Map(nodes.map((c, i) => [c, i]));
	const arrival = new Float64Array(n);
	let t = 0;
	for (let i = 1; i < n; i++) {
		t += full.data[tour[i - 1]! * full.n + tour[i]!]!;
		arrival[nodeOf.get(tour[i]!)!] = t;
	}
	const random = mulberry32(seed);
	const stops = nodes.slice(1).map((city, i) => {
		const at = arrival[i + 1]!;
		const open = Math.max(0, Math.floor(at - random() * maxSide));
		const close = Math.ceil(at + random() * maxSide);
		return { id: String(city + 1), window: [open, close] as const };
	});
	return {
		problem: { distanceM: matrix, travelMin: matrix, stops },
		order: tour.slice(1).map((c) => nodeOf.get(c)! - 1),
		length: tourLength(full, tour)
	};
}
