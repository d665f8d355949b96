/**
 * Timing and cost of one visiting order: the feasibility checker behind both the optimiser and
 * the screen where an officer reorders stops by hand.
 *
 * The vehicle leaves the depot at minute 0. Arriving before a window opens means waiting; starting
 * after it closes is lateness. The objective is lexicographic: total lateness first, then metres
 * plus the priority term. It is folded into one number with a huge weight on lateness so the
 * search compares plain doubles in its hot loop.
 */
import { compileProblem, type CompiledProblem, type RouteProblem } from './problem';

/** Cost of one minute late, in metres: big enough that no route length can outweigh it. */
export const LATENESS_WEIGHT = 1e7;
const FEASIBLE_EPSILON = 1e-9;

export interface Schedule {
	lengthM: number;
	/** Minutes from leaving the depot to reaching the end, with waiting and service. */
	durationMin: number;
	/** Per position in the order: minute of arrival. */
	arrivalMin: number[];
	/** Per position: minute the visit can start (arrival, or window opening if early). */
	startMin: number[];
	/** Per position: minutes after the window closed (0 when on time). */
	lateMin: number[];
	latenessMin: number;
	feasible: boolean;
	/** Σ priority × start minute, before priorityWeight. */
	priorityMin: number;
	/** lengthM + priorityWeight × priorityMin: what the optimiser minimises after lateness. */
	cost: number;
}

/** The objective of a full order of stop indices, allocation-free for the search. */
export function routeCost(p: CompiledProblem, order: ArrayLike<number>): number {
	const { dist, time, size } = p;
	let prev = 0;
	let t = 0;
	let length = 0;
	let late = 0;
	let weighted = 0;
	for (let k = 0; k < p.m; k++) {
		const stop = order[k]!;
		const node = stop + 1;
		length += dist[prev * size + node]!;
		t += time[prev * size + node]!;
		if (t < p.open[stop]!) t = p.open[stop]!;
		if (t > p.close[stop]!) late += t - p.close[stop]!;
		weighted += p.priority[stop]! * t;
		t += p.service[stop]!;
		prev = node;
	}
	length += dist[prev * size + p.endNode]!;
	return late * LATENESS_WEIGHT + length + p.priorityWeight * weighted;
}

export function evaluate(p: CompiledProblem, order: ArrayLike<number>): Schedule {
	const { dist, time, size } = p;
	const arrivalMin: number[] = [];
	const startMin: number[] = [];
	const lateMin: number[] = [];
	let prev = 0;
	let t = 0;
	let lengthM = 0;
	let priorityMin = 0;
	for (let k = 0; k < p.m; k++) {
		const stop = order[k]!;
		const node = stop + 1;
		lengthM += dist[prev * size + node]!;
		t += time[prev * size + node]!;
		arrivalMin.push(t);
		t = Math.max(t, p.open[stop]!);
		startMin.push(t);
		lateMin.push(Math.max(0, t - p.close[stop]!));
		priorityMin += p.priority[stop]! * t;
		t += p.service[stop]!;
		prev = node;
	}
	lengthM += dist[prev * size + p.endNode]!;
	const durationMin = t + time[prev * size + p.endNode]!;
	const latenessMin = lateMin.reduce((a, b) => a + b, 0);
	return {
		lengthM,
		durationMin,
		arrivalMin,
		startMin,
		lateMin,
		latenessMin,
		feasible: latenessMin <= FEASIBLE_EPSILON,
		priorityMin,
		cost: lengthM + p.priorityWeight * priorityMin
	};
}

/** True when `order` lists every stop index exactly once. */
export function isPermutation(order: ArrayLike<number>, m: number): boolean {
	if (order.length !== m) return false;
	const seen = new Uint8Array(m);
	for (let k = 0; k < m; k++) {
		const s = order[k]!;
		if (!(Number.isInteger(s) && s >= 0 && s < m) || seen[s]) return false;
		seen[s] = 1;
	}
	return true;
}

/** Schedule for an order chosen elsewhere, e.g. reordered by hand on the route screen. */
export function scheduleRoute(problem: RouteProblem, order: readonly number[]): Schedule {
	const p = compileProblem(problem);
	if (!isPermutation(order, p.m)) throw new RangeError('order must list every stop exactly once');
	return evaluate(p, order);
}
