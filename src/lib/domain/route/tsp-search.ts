/**
 * Fast search for the pure case: a closed tour over a symmetric matrix with length the only
 * objective (every TSPLIB instance, and a day's list with no windows, priorities or pins).
 *
 * Local search is 2-opt plus Or-opt (segments of 1-3 cities moved, either way round), both
 * restricted to each city's k nearest neighbours and driven by a queue of "dirty" cities
 * (don't-look bits): after a perturbation only the few cities it touched are re-examined, so one
 * iteration costs about O(k) instead of O(n²). Around it runs iterated local search: a
 * segment-swap double bridge (the move 2-opt and Or-opt cannot undo), re-optimise, keep the result
 * if it is no longer, otherwise restore. Short segments keep the kick local, which suits
 * neighbour-list search and is what makes ILS effective beyond ~100 cities.
 */
import { nearestNeighbours } from './neighbours';
import { randomInt, type Random } from './prng';
import { ArrayTour } from './tour';

const EPSILON = 1e-7;

export interface TspSearchOptions {
	neighbours: number;
	maxIterations: number;
	/** Stop once this many rounds in a row found nothing better (the windowed search only). */
	maxStale?: number;
	/** Stop after this many milliseconds even if iterations remain (a safety ceiling). */
	timeBudgetMs: number;
	random: Random;
	now: () => number;
}

export interface TspSearchResult {
	tour: Int32Array;
	length: number;
	iterations: number;
	stoppedBy: 'iterations' | 'time';
}

export function searchTsp(
	dist: Float64Array,
	initial: ArrayLike<number>,
	options: TspSearchOptions
): TspSearchResult {
	const n = initial.length;
	const started = options.now();
	const { k, list: nbr } = nearestNeighbours(n, options.neighbours, (i, j) => dist[i * n + j]!);
	const tour = new ArrayTour(initial);
	const saved = new ArrayTour(initial);
	const queue = new Int32Array(n);
	const queued = new Uint8Array(n);
	let head = 0;
	let count = 0;
	/** Mark cities dirty: their don't-look bits are cleared and they are searched again. */
	const push = (...cities: number[]) => {
		for (const c of cities) {
			if (queued[c]) continue;
			queued[c] = 1;
			queue[(head + count++) % n] = c;
		}
	};
	const d = (a: number, b: number) => dist[a * n + b]!;

	function try2opt(a: number): number {
		for (let dir = 0; dir < 2; dir++) {
			const b = dir === 0 ? tour.succ(a) : tour.pred(a);
			const dab = d(a, b);
			for (let x = a * k, end = x + k; x < end; x++) {
				const c = nbr[x]!;
				const dac = d(a, c);
				if (dac >= dab) break;
				const e = dir === 0 ? tour.succ(c) : tour.pred(c);
				if (c === b || e === a) continue;
				const delta = dac + d(b, e) - dab - d(c, e);
				if (delta < -EPSILON) {
					tour.move2opt(a, b, c, e);
					push(a, b, c, e);
					return delta;
				}
			}
		}
		return 0;
	}

	function tryOrOpt(s1: number): number {
		for (let dir = 0; dir < 2; dir++) {
			const p = dir === 0 ? tour.pred(s1) : tour.succ(s1);
			let mid = s1;
			let s2 = s1;
			for (let len = 1; len <= 3; len++) {
				if (len > 1) {
					mid = s2;
					s2 = dir === 0 ? tour.succ(s2) : tour.pred(s2);
				}
				const q = dir === 0 ? tour.succ(s2) : tour.pred(s2);
				if (q === p || s2 === p) break;
				const gain = d(p, s1) + d(s2, q) - d(p, q);
				if (gain <= EPSILON) continue;
				for (let x = s1 * k, end = x + k; x < end; x++) {
					const c = nbr[x]!;
					const dcs = d(c, s1);
					if (dcs >= gain) break;
					if (c === s1 || c === mid || c === s2) continue;
					for (let side = 0; side < 2; side++) {
						const e = side === 0 ? tour.succ(c) : tour.pred(c);
						if (e === s1 || e === mid || e === s2) continue;
						const delta = dcs + d(s2, e) - d(c, e) - gain;
						if (delta < -EPSILON) {
							tour.moveSegment(s1, s2, c, e);
							push(p, q, c, e, s1, s2);
							return delta;
						}
					}
				}
			}
		}
		return 0;
	}

	function localSearch(): number {
		let total = 0;
		while (count > 0) {
			const a = queue[head]!;
			head = (head + 1) % n;
			count--;
			queued[a] = 0;
			const delta = try2opt(a) || tryOrOpt(a);
			if (delta < 0) {
				total += delta;
				push(a);
			}
		}
		return total;
	}

	const moved = new Int32Array(n);
	/** Swap two adjacent segments starting after position i: a B C e becomes a C B e. */
	function doubleBridge(): number {
		const maxSegment = Math.max(1, Math.min(50, (n - 2) >> 1));
		const lenB = 1 + randomInt(options.random, maxSegment);
		const lenC = 1 + randomInt(options.random, maxSegment);
		const i = randomInt(options.random, n);
		const at = (offset: number) => tour.order[(i + offset) % n]!;
		const a = at(0);
		const b1 = at(1);
		const b2 = at(lenB);
		const c1 = at(lenB + 1);
		const c2 = at(lenB + lenC);
		const e = at(lenB + lenC + 1);
		const delta = d(a, c1) + d(c2, b1) + d(b2, e) - d(a, b1) - d(b2, c1) - d(c2, e);
		for (let x = 0; x < lenC; x++) moved[x] = at(lenB + 1 + x);
		for (let x = 0; x < lenB; x++) moved[lenC + x] = at(1 + x);
		for (let x = 0; x < lenB + lenC; x++) {
			const slot = (i + 1 + x) % n;
			tour.order[slot] = moved[x]!;
			tour.pos[moved[x]!] = slot;
		}
		push(a, b1, b2, c1, c2, e);
		return delta;
	}

	for (let c = 0; c < n; c++) push(c);
	let length = tourLength(dist, tour.order) + localSearch();
	let iterations = 0;
	let stoppedBy: TspSearchResult['stoppedBy'] = 'iterations';
	if (n >= 8) {
		while (iterations < options.maxIterations) {
			if ((iterations & 63) === 0 && options.now() - started > options.timeBudgetMs) {
				stoppedBy = 'time';
				break;
			}
			iterations++;
			saved.copyFrom(tour);
			const candidate = length + doubleBridge() + localSearch();
			if (candidate < length + EPSILON) length = candidate;
			else tour.copyFrom(saved);
		}
	}
	return { tour: tour.order, length: tourLength(dist, tour.order), iterations, stoppedBy };
}

export function tourLength(dist: Float64Array, order: ArrayLike<number>): number {
	const n = order.length;
	let total = 0;
	for (let i = 0; i < n; i++) total += dist[order[i]! * n + order[(i + 1) % n]!]!;
	return total;
}
