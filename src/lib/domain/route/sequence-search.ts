/**
 * General search for everything the pure-TSP search cannot take: time windows, priorities,
 * pinned stops, open routes and one-way (asymmetric) matrices.
 *
 * The search moves only the free (unpinned) stops, as one sequence; pinned stops are merged back
 * at their fixed positions whenever the order is costed, so a free stop may pass a pinned one.
 * Moves are Or-opt (a run of 1-3 stops moved next to a near neighbour, or to either end, either
 * way round) and 2-opt (reverse a run so a stop meets a neighbour). Lateness and priority depend
 * on everything before a stop, so edge deltas do not exist; instead each candidate is costed from
 * the first position it changes, resuming from cached prefix states, and usually decided a stop or
 * two after the change (see costFrom) rather than at the end of the route. Dirty-stop queue and
 * iterated local search with a segment-swap kick, as in the TSP search.
 */
import { nearestNeighbours } from './neighbours';
import type { CompiledProblem } from './problem';
import { randomInt } from './prng';
import { LATENESS_WEIGHT } from './schedule';
import type { TspSearchOptions } from './tsp-search';

const EPSILON = 1e-7;

export interface SequenceSearchResult {
	order: Int32Array;
	cost: number;
	iterations: number;
	stoppedBy: 'iterations' | 'time';
}

export function searchSequence(
	p: CompiledProblem,
	initial: ArrayLike<number>,
	options: TspSearchOptions
): SequenceSearchResult {
	const started = options.now();
	const { m, size, dist, time, pinnedAt, open, close, priority, service, priorityWeight } = p;
	// A local copy: some module loaders turn imported bindings into getters, slow in a hot loop.
	const W = LATENESS_WEIGHT;
	const fullPos = Int32Array.from(pinnedAt.keys()).filter((k) => pinnedAt[k]! < 0);
	const f = fullPos.length;
	const seq = fullPos.map((k) => initial[k]!);
	const saved = new Int32Array(f);
	const cand = new Int32Array(f);
	const at = new Int32Array(m); // free index of each free stop
	const stopNbr = nearestNeighbours(f, options.neighbours, (i, j) => {
		const a = seq[i]! + 1;
		const b = seq[j]! + 1;
		return dist[a * size + b]! + dist[b * size + a]!;
	});
	// Neighbour lists are built over the initial free indices; translate them to stop ids once.
	const nbr = stopNbr.list.map((x) => seq[x]!);
	const nbrOf = new Int32Array(m);
	seq.forEach((s, i) => (nbrOf[s] = i));
	const k = stopNbr.k;

	// State before visiting full position q: node, clock, metres, lateness, priority-minutes.
	const preNode = new Int32Array(m + 1);
	const preT = new Float64Array(m + 1);
	const preLen = new Float64Array(m + 1);
	const preLate = new Float64Array(m + 1);
	const prePrio = new Float64Array(m + 1);
	let current = 0;
	let currentLen = 0;
	const timeMatters = p.hasWindows || (priorityWeight > 0 && priority.some((w) => w > 0));

	/**
	 * Cost of seq with free indices lo..hi taken from cand, or any value >= bound when it cannot
	 * beat bound. Past the changed run the candidate visits the same stops as the current order, and
	 * what remains costs the same or more the later the clock: so once the candidate is no earlier
	 * and no cheaper so far it cannot win, and once it is no later and cheaper it must win (the
	 * return is then an upper bound, enough for the caller, which re-costs on commit).
	 */
	function costFrom(lo: number, hi: number, bound: number): number {
		let q = fullPos[lo]!;
		const settled = fullPos[hi]! + 1; // first position whose stop is the same in both
		// Metres the candidate must still drive after `settled`, the same as the current order's.
		const restLen = settled < m ? currentLen - preLen[settled + 1]! : 0;
		let prev = preNode[q]!;
		let t = preT[q]!;
		let len = preLen[q]!;
		let late = preLate[q]!;
		let prio = prePrio[q]!;
		for (let j = lo; q < m; q++) {
			let stop = pinnedAt[q]!;
			if (stop < 0) stop = j <= hi ? cand[j++]! : seq[j++]!;
			const node = stop + 1;
			len += dist[prev * size + node]!;
			t += time[prev * size + node]!;
			if (t < open[stop]!) t = open[stop]!;
			if (t > close[stop]!) late += t - close[stop]!;
			prio += priority[stop]! * t;
			t += service[stop]!;
			prev = node;
			const partial = late * W + len + priorityWeight * prio;
			if (partial + restLen >= bound) return Infinity;
			if (q >= settled) {
				const was = preLate[q + 1]! * W + preLen[q + 1]! + priorityWeight * prePrio[q + 1]!;
				const notLater = !timeMatters || t <= preT[q + 1]!;
				const notEarlier = !timeMatters || t >= preT[q + 1]!;
				if (notEarlier && partial >= was - EPSILON) return Infinity;
				if (notLater && partial < was - EPSILON) return current - (was - partial);
			}
		}
		return late * W + len + dist[prev * size + p.endNode]! + priorityWeight * prio;
	}

	/** Re-cost the whole of seq, refreshing the prefix cache and positions. */
	function commit(): void {
		seq.forEach((s, i) => (at[s] = i));
		let prev = 0;
		let t = 0;
		let len = 0;
		let late = 0;
		let prio = 0;
		for (let q = 0, j = 0; q < m; q++) {
			let stop = pinnedAt[q]!;
			if (stop < 0) stop = seq[j++]!;
			const node = stop + 1;
			len += dist[prev * size + node]!;
			t = Math.max(t + time[prev * size + node]!, open[stop]!);
			late += Math.max(0, t - close[stop]!);
			prio += priority[stop]! * t;
			t += service[stop]!;
			prev = node;
			preNode[q + 1] = prev;
			preT[q + 1] = t;
			preLen[q + 1] = len;
			preLate[q + 1] = late;
			prePrio[q + 1] = prio;
		}
		currentLen = len + dist[prev * size + p.endNode]!;
		current = late * W + currentLen + priorityWeight * prio;
	}

	const queue = new Int32Array(Math.max(1, f));
	const queued = new Uint8Array(m);
	let head = 0;
	let count = 0;
	const pushStop = (s: number) => {
		if (queued[s]) return;
		queued[s] = 1;
		queue[(head + count++) % f] = s;
	};
	/** Mark the stops at these free indices dirty (out-of-range indices are ignored). */
	const push = (...indices: number[]) => {
		for (const i of indices) if (i >= 0 && i < f) pushStop(seq[i]!);
	};

	/** Try cand[lo..hi] in place of seq[lo..hi]; keep it if cheaper. */
	function attempt(lo: number, hi: number): boolean {
		const cost = costFrom(lo, hi, current - EPSILON);
		if (!(cost < current - EPSILON)) return false;
		seq.set(cand.subarray(lo, hi + 1), lo);
		commit();
		push(lo - 1, lo, hi, hi + 1);
		return true;
	}

	function reverse(x: number, y: number): boolean {
		if (x >= y || x < 0 || y >= f) return false;
		for (let j = x; j <= y; j++) cand[j] = seq[x + y - j]!;
		return attempt(x, y);
	}

	/** Move seq[i..i+len) so that it starts at index t of the result, maybe reversed. */
	function move(i: number, len: number, t: number, reversed: boolean): boolean {
		if (t < 0 || t > f - len || (t === i && !reversed)) return false;
		const lo = Math.min(i, t);
		const hi = Math.max(i, t) + len - 1;
		for (let x = lo; x <= hi; x++) {
			if (x >= t && x < t + len) {
				cand[x] = seq[i + (reversed ? t + len - 1 - x : x - t)]!;
			} else {
				const r = x < t ? x : x - len; // index in the sequence without the run
				cand[x] = seq[r < i ? r : r + len]!;
			}
		}
		return attempt(lo, hi);
	}

	/** First improving move for stop a: near neighbours first, the costly whole-route moves last. */
	function improveStop(a: number): boolean {
		const i = at[a]!;
		for (let x = nbrOf[a]! * k, end = x + k; x < end; x++) {
			const j = at[nbr[x]!]!;
			for (let len = 1; len <= 3 && i + len <= f; len++) {
				if (j >= i && j < i + len) continue;
				const r = j < i ? j : j - len;
				if (move(i, len, r, false) || move(i, len, r + 1, false)) return true;
				if (len > 1 && (move(i, len, r, true) || move(i, len, r + 1, true))) return true;
			}
			if (j > i ? reverse(i + 1, j) || reverse(i, j - 1) : reverse(j + 1, i) || reverse(j, i - 1)) {
				return true;
			}
		}
		// The ends: the depot and the route's end are nobody's neighbour in the lists.
		for (let len = 1; len <= 3 && i + len <= f; len++) {
			if (move(i, len, 0, false) || move(i, len, f - len, false)) return true;
			if (len > 1 && (move(i, len, 0, true) || move(i, len, f - len, true))) return true;
		}
		return reverse(0, i) || reverse(i, f - 1);
	}

	function localSearch(): void {
		while (count > 0) {
			const a = queue[head]!;
			head = (head + 1) % f;
			count--;
			queued[a] = 0;
			if (improveStop(a)) pushStop(a);
		}
	}

	/** Swap two adjacent runs of free stops: the kick local search cannot undo in one move. */
	function kick(): void {
		// Short runs: a long swap shifts every later clock, and repairing the lateness costs far more
		// time than the wider exploration gains for windowed routes.
		const maxRun = Math.max(1, Math.min(8, f >> 1));
		const lenB = 1 + randomInt(options.random, Math.min(maxRun, f - 1));
		const lenC = 1 + randomInt(options.random, Math.min(maxRun, f - lenB));
		const i = randomInt(options.random, f - lenB - lenC + 1);
		for (let x = 0; x < lenC; x++) cand[i + x] = seq[i + lenB + x]!;
		for (let x = 0; x < lenB; x++) cand[i + lenC + x] = seq[i + x]!;
		seq.set(cand.subarray(i, i + lenB + lenC), i);
		commit();
		const end = i + lenB + lenC;
		push(i - 1, i, i + lenC - 1, i + lenC, end - 1, end);
	}

	commit();
	seq.forEach((s) => pushStop(s));
	localSearch();
	let iterations = 0;
	let stoppedBy: SequenceSearchResult['stoppedBy'] = 'iterations';
	let lastImproved = 0;
	const maxStale = options.maxStale ?? Infinity;
	if (f >= 2) {
		while (iterations < options.maxIterations) {
			if ((iterations & 15) === 0 && options.now() - started > options.timeBudgetMs) {
				stoppedBy = 'time';
				break;
			}
			if (iterations - lastImproved >= maxStale) break;
			iterations++;
			saved.set(seq);
			const before = current;
			kick();
			localSearch();
			if (current > before + EPSILON) {
				seq.set(saved);
				commit();
			} else if (current < before - EPSILON) lastImproved = iterations;
		}
	}
	const order = Int32Array.from(pinnedAt);
	fullPos.forEach((q, i) => (order[q] = seq[i]!));
	return { order, cost: current, iterations, stoppedBy };
}
