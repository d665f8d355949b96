/**
 * Curfews in the route's time model: minutes from the shift start.
 *
 * A curfew check only proves something while the curfew is in force, so a stop at a curfew
 * address gets a time window: the curfew's real instants (curfew.ts, so clock changes are
 * honoured) turned into minutes elapsed since the shift started. A window already in force at
 * the start opens at minute 0; its close is kept as it is even beyond the end of the shift, since
 * arriving after the shift is the officer's call, not a reason to hide the curfew.
 *
 * A curfew may be in force several times in one shift (a long shift, or a short daytime curfew).
 * We plan for the FIRST window that is in force for at least one visit's length within the
 * shift: it is the soonest chance to check, and one window keeps the problem a plain
 * time-window problem. A window that ends before a visit could fit is ignored.
 */
import type { CurfewCondition } from './condition';
import { curfewWindowsBetween, type CurfewTimes } from './curfew';
import type { MinuteWindow } from './route-plan';

const MINUTE_MS = 60_000;

/** Every window of the curfew overlapping the shift, in minutes, in order. */
export function curfewMinuteWindows(
	curfew: CurfewTimes,
	shiftStart: Date,
	shiftMin: number
): MinuteWindow[] {
	const end = new Date(shiftStart.getTime() + shiftMin * MINUTE_MS);
	return curfewWindowsBetween(curfew, shiftStart, end).map((w) => [
		Math.max(0, minutesBetween(shiftStart, w.start)),
		minutesBetween(shiftStart, w.end)
	]);
}

/** The window a check is planned for, or null when none is usable in this shift. */
export function curfewCheckWindow(
	curfew: CurfewTimes,
	shiftStart: Date,
	shiftMin: number,
	serviceMin: number
): MinuteWindow | null {
	const needed = Math.max(1, serviceMin);
	const usable = curfewMinuteWindows(curfew, shiftStart, shiftMin).find(
		([open, close]) => Math.min(close, shiftMin) - open >= needed
	);
	return usable ?? null;
}

/** Of several curfews (rare: two orders), the one whose usable window opens first. */
export function firstCurfewCheck(
	curfews: readonly CurfewCondition[],
	shiftStart: Date,
	shiftMin: number,
	serviceMin: number
): { curfew: CurfewCondition; window: MinuteWindow } | null {
	let best: { curfew: CurfewCondition; window: MinuteWindow } | null = null;
	for (const curfew of curfews) {
		const window = curfewCheckWindow(curfew, shiftStart, shiftMin, serviceMin);
		if (window && (!best || window[0] < best.window[0])) best = { curfew, window };
	}
	return best;
}

function minutesBetween(from: Date, to: Date): number {
	return (to.getTime() - from.getTime()) / MINUTE_MS;
}
