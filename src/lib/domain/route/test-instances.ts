/**
 * Random Bedfordshire-sized instances for the optimiser's tests. Not used by the app.
 */
import { haversineMatrix, travelTimeMatrix } from './matrix';
import { compileProblem, type RouteProblem, type RouteStop } from './problem';
import { mulberry32 } from './prng';
import { routeCost } from './schedule';

export interface InstanceOptions {
	/** 'feasible': windows around the times of a random order, so some order meets them all. */
	windows?: 'none' | 'feasible' | 'tight';
	priority?: boolean;
	/** End at an extra node instead of returning to the depot. */
	open?: boolean;
	/** Make each matrix one-way by adding up to 30% in one direction. */
	asymmetric?: boolean;
	pins?: number;
}

export function randomInstance(
	seed: number,
	m: number,
	options: InstanceOptions = {}
): RouteProblem {
	const random = mulberry32(seed);
	const points = Array.from({ length: m + 2 }, () => ({
		lat: 51.85 + random() * 0.35,
		lon: -0.65 + random() * 0.45
	}));
	const distance = haversineMatrix(points);
	if (options.asymmetric) {
		for (let i = 0; i < distance.n; i++) {
			for (let j = 0; j < i; j++) distance.data[i * distance.n + j]! *= 1 + 0.3 * random();
		}
	}
	const time = travelTimeMatrix(distance, 40);
	const stops: RouteStop[] = Array.from({ length: m }, (_, i) => ({
		id: `s${i}`,
		serviceMin: 10,
		priority: options.priority && random() < 0.3 ? 1 : 0
	}));
	if (options.windows && options.windows !== 'none') {
		const order = stops.map((_, i) => i).sort(() => random() - 0.5);
		let t = 0;
		let prev = 0;
		for (const s of order) {
			t += time.data[prev * time.n + s + 1]!;
			const slack = options.windows === 'tight' ? 5 + random() * 10 : 30 + random() * 60;
			if (random() < 0.6) stops[s] = { ...stops[s]!, window: [Math.max(0, t - slack), t + slack] };
			t += 10;
			prev = s + 1;
		}
	}
	const pinned = Array.from({ length: options.pins ?? 0 }, (_, k) => ({
		id: `s${k * 2}`,
		position: (k * 3 + 1) % m
	}));
	return {
		distanceM: distance,
		travelMin: time,
		stops,
		end: options.open ? m + 1 : 0,
		pinned,
		priorityWeight: 200
	};
}

/** The best cost over every order (pins respected), by Heap's algorithm. For m <= 9. */
export function bruteForceCost(problem: RouteProblem): number {
	const p = compileProblem(problem);
	const free = [...Array(p.m).keys()].filter((s) => !p.pinnedAt.includes(s));
	const order = Int32Array.from(p.pinnedAt);
	const slots = [...Array(p.m).keys()].filter((k) => p.pinnedAt[k]! < 0);
	let best = Infinity;
	const visit = () => {
		slots.forEach((k, i) => (order[k] = free[i]!));
		best = Math.min(best, routeCost(p, order));
	};
	const c = new Array<number>(free.length).fill(0);
	visit();
	for (let i = 1; i < free.length;) {
		if (c[i]! < i) {
			const j = i % 2 === 0 ? 0 : c[i]!;
			[free[j], free[i]] = [free[i]!, free[j]!];
			visit();
			c[i]!++;
			i = 1;
		} else {
			c[i] = 0;
			i++;
		}
	}
	return best;
}
