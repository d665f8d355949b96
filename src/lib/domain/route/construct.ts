/**
 * Starting orders for the search. Nearest neighbour is the classic baseline and, with no windows
 * or priorities, exactly the textbook heuristic, so "never worse than nearest neighbour" holds by
 * construction. With windows it scores each candidate by lateness first, then metres plus the
 * waiting and priority it would cause; earliest-deadline-first is added as a second start because
 * it finds a feasible order for tight windows where greedy distance does not.
 * Both respect pinned positions.
 */
import type { CompiledProblem } from './problem';
import { LATENESS_WEIGHT } from './schedule';

export function nearestNeighbourOrder(p: CompiledProblem): Int32Array {
	const { dist, time, size } = p;
	const metresPerMin = p.hasWindows ? averageSpeed(p) : 0;
	return buildOrder(p, (prev, t, stop) => {
		const node = stop + 1;
		const arrive = t + time[prev * size + node]!;
		const start = Math.max(arrive, p.open[stop]!);
		const late = Math.max(0, start - p.close[stop]!);
		return (
			late * LATENESS_WEIGHT +
			dist[prev * size + node]! +
			(start - arrive) * metresPerMin +
			p.priorityWeight * p.priority[stop]! * start
		);
	});
}

/** Earliest window close first; stops without a window go last, nearest first. */
export function earliestDeadlineOrder(p: CompiledProblem): Int32Array {
	const latest = p.close.reduce((a, c) => (c < Infinity ? Math.max(a, c) : a), 0) + 1;
	return buildOrder(p, (prev, _t, stop) => {
		const close = p.close[stop]!;
		return (close < Infinity ? close : latest) * 1e9 + p.dist[prev * p.size + stop + 1]!;
	});
}

type Score = (prevNode: number, timeMin: number, stop: number) => number;

function buildOrder(p: CompiledProblem, score: Score): Int32Array {
	const { m, size } = p;
	const order = new Int32Array(m);
	const used = new Uint8Array(m);
	for (const s of p.pinnedAt) if (s >= 0) used[s] = 1;
	let prev = 0;
	let t = 0;
	for (let k = 0; k < m; k++) {
		let stop = p.pinnedAt[k]!;
		if (stop < 0) {
			let best = Infinity;
			for (let s = 0; s < m; s++) {
				if (used[s]) continue;
				const v = score(prev, t, s);
				if (v < best || stop < 0) {
					best = v;
					stop = s;
				}
			}
			used[stop] = 1;
		}
		order[k] = stop;
		const node = stop + 1;
		t = Math.max(t + p.time[prev * size + node]!, p.open[stop]!) + p.service[stop]!;
		prev = node;
	}
	return order;
}

/** Metres per minute over the whole matrix, to price waiting in the same unit as driving. */
function averageSpeed(p: CompiledProblem): number {
	let metres = 0;
	let minutes = 0;
	for (let i = 0; i < p.dist.length; i++) {
		metres += p.dist[i]!;
		minutes += p.time[i]!;
	}
	return minutes > 0 ? metres / minutes : 0;
}
