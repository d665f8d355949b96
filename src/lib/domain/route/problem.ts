/**
 * The route problem as callers describe it, and its compiled form: flat typed arrays indexed by
 * stop, with nodes renumbered depot 0, stops 1..m and (open routes) the end m + 1, so the search
 * never looks anything up by id.
 */
import { DEFAULT_SPEED_KMH, isSymmetric, toMatrix, travelTimeMatrix, type Matrix } from './matrix';
import type { MatrixInput } from './matrix';

export interface RouteStop {
	id: string;
	/** Minutes spent at the stop. */
	serviceMin?: number;
	/** [open, close] in minutes from shift start: early arrivals wait, later ones are late. */
	window?: readonly [number, number];
	/** 0..1: how much earlier this stop should come (wanted, high risk). */
	priority?: number;
}

/** Keep stop `id` at `position` (0-based) in the visiting order; the rest are re-optimised. */
export interface PinnedStop {
	id: string;
	position: number;
}

export interface RouteProblem {
	/** Metres, n×n. Node 0 is the depot and node i + 1 is stops[i]; the optimiser minimises this. */
	distanceM: MatrixInput;
	/** Minutes, same layout. Without it, times are derived from distanceM at speedKmh. */
	travelMin?: MatrixInput;
	speedKmh?: number;
	stops: readonly RouteStop[];
	/** 0 or absent: a closed tour back to the depot. Otherwise the node (> stops.length) to end at. */
	end?: number;
	pinned?: readonly PinnedStop[];
	/**
	 * Metres of driving worth one minute earlier for a priority-1 stop: the objective adds
	 * priorityWeight × priority × start minute of each visit. Default 100 (at 40 km/h a minute of
	 * driving is ~670 m, so a wanted person moves an hour earlier for up to 6 km extra).
	 */
	priorityWeight?: number;
}

export const DEFAULT_PRIORITY_WEIGHT = 100;

export interface CompiledProblem {
	/** Number of stops. */
	m: number;
	/** Number of internal nodes: m + 1 closed, m + 2 open. */
	size: number;
	/** Internal node the route ends at: 0 (depot) or m + 1. */
	endNode: number;
	dist: Float64Array;
	time: Float64Array;
	service: Float64Array;
	open: Float64Array;
	close: Float64Array;
	priority: Float64Array;
	priorityWeight: number;
	hasWindows: boolean;
	/** Stop pinned at each position, or -1. */
	pinnedAt: Int32Array;
	pinnedCount: number;
	/** A closed, symmetric tour with length as the only objective: the fast pure-TSP search applies. */
	pureTsp: boolean;
	/**
	 * A closed tour over a symmetric matrix with no pins, whatever the windows and priorities: its
	 * length-only relaxation is a plain TSP, whose tour is a good start for the windowed search.
	 */
	relaxesToTsp: boolean;
}

export function compileProblem(problem: RouteProblem): CompiledProblem {
	const { stops } = problem;
	const m = stops.length;
	const distance = toMatrix(problem.distanceM);
	const time = problem.travelMin
		? toMatrix(problem.travelMin)
		: travelTimeMatrix(distance, problem.speedKmh ?? DEFAULT_SPEED_KMH);
	if (distance.n < m + 1) throw new RangeError(`matrix has ${distance.n} nodes for ${m} stops`);
	if (time.n !== distance.n) throw new RangeError('travelMin and distanceM differ in size');
	const end = problem.end ?? 0;
	if (end !== 0 && !(Number.isInteger(end) && end > m && end < distance.n)) {
		throw new RangeError(`end must be 0 or a node after the stops, not ${end}`);
	}

	const nodes = [0, ...stops.map((_, i) => i + 1), ...(end === 0 ? [] : [end])];
	const size = nodes.length;
	const service = new Float64Array(m);
	const open = new Float64Array(m).fill(-Infinity);
	const close = new Float64Array(m).fill(Infinity);
	const priority = new Float64Array(m);
	const index = new Map<string, number>();
	stops.forEach((stop, i) => {
		if (index.has(stop.id)) throw new RangeError(`duplicate stop id ${stop.id}`);
		index.set(stop.id, i);
		service[i] = nonNegative(stop.serviceMin ?? 0, 'serviceMin');
		priority[i] = stop.priority ?? 0;
		if (!(priority[i]! >= 0 && priority[i]! <= 1)) throw new RangeError('priority must be in 0..1');
		if (stop.window) {
			const [from, until] = stop.window;
			if (!(from <= until)) throw new RangeError(`window of ${stop.id} closes before it opens`);
			open[i] = from;
			close[i] = until;
		}
	});

	const pinnedAt = new Int32Array(m).fill(-1);
	for (const pin of problem.pinned ?? []) {
		const stop = index.get(pin.id);
		if (stop === undefined) throw new RangeError(`pinned stop ${pin.id} is not a stop`);
		if (!(Number.isInteger(pin.position) && pin.position >= 0 && pin.position < m)) {
			throw new RangeError(`pinned position ${pin.position} is outside 0..${m - 1}`);
		}
		if (pinnedAt[pin.position] !== -1 || pinnedAt.includes(stop)) {
			throw new RangeError(`stop ${pin.id} or position ${pin.position} is pinned twice`);
		}
		pinnedAt[pin.position] = stop;
	}
	const pinnedCount = pinnedAt.filter((s) => s >= 0).length;

	const dist = submatrix(distance, nodes);
	const priorityWeight = nonNegative(problem.priorityWeight ?? DEFAULT_PRIORITY_WEIGHT, 'weight');
	const hasWindows = stops.some((s) => s.window);
	const weighted = priorityWeight > 0 && priority.some((p) => p > 0);
	const relaxesToTsp = end === 0 && pinnedCount === 0 && isSymmetric(dist);
	return {
		m,
		size,
		endNode: end === 0 ? 0 : m + 1,
		dist: dist.data,
		time: submatrix(time, nodes).data,
		service,
		open,
		close,
		priority,
		priorityWeight,
		hasWindows,
		pinnedAt,
		pinnedCount,
		pureTsp: relaxesToTsp && !hasWindows && !weighted,
		relaxesToTsp
	};
}

function nonNegative(value: number, name: string): number {
	if (!(value >= 0 && value < Infinity)) throw new RangeError(`${name} must be finite and >= 0`);
	return value;
}

function submatrix(matrix: Matrix, nodes: readonly number[]): Matrix {
	const n = nodes.length;
	if (n === matrix.n && nodes.every((node, i) => node === i)) return matrix;
	const data = new Float64Array(n * n);
	nodes.forEach((from, i) => {
		nodes.forEach((to, j) => {
			data[i * n + j] = matrix.data[from * matrix.n + to]!;
		});
	});
	return { n, data };
}
