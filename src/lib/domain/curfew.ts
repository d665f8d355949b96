/**
 * When a curfew is in force, as real instants.
 *
 * A curfew is written in Europe/London wall-clock time, so each window is built from its local
 * start and end and only then turned into instants: a 19:00–07:00 night that spans the autumn
 * change lasts 13 real hours, one that spans the spring change 11.
 *
 * - `end <= start` means the window runs past midnight into the next day.
 * - `start === end` is a whole-day curfew: 24 wall-clock hours from `start`.
 * - `days` lists the ISO weekdays on which a window *starts* (a Friday 19:00–07:00 window is
 *   in force at 03:00 on Saturday); null means every day.
 * - Windows are half-open: in force from `start` up to, not including, `end`.
 * - Times inside a clock change resolve as londonWallTimeToInstant documents; a window that lies
 *   wholly inside the spring gap never happens and is left out.
 */
import type { CurfewCondition } from './condition';
import { addLondonDays, londonDate, londonWallTimeToInstant, weekdayOf } from './london-time';

export type CurfewWindow = { start: Date; end: Date };

/** Only the timing fields, so callers can pass a draft or anything shaped like a curfew. */
export type CurfewTimes = Pick<CurfewCondition, 'start' | 'end' | 'days'>;

const DAY_MS = 86_400_000;

/** The window that starts on a London calendar date, or null if none starts that day. */
export function curfewWindowOn(curfew: CurfewTimes, ymd: string): CurfewWindow | null {
	if (curfew.days !== null && !curfew.days.includes(weekdayOf(ymd))) return null;
	const endDay = curfew.end <= curfew.start ? addLondonDays(ymd, 1) : ymd;
	const start = londonWallTimeToInstant(ymd, curfew.start);
	const end = londonWallTimeToInstant(endDay, curfew.end);
	return end.getTime() > start.getTime() ? { start, end } : null;
}

/** Every window overlapping [from, to), in order. Whole-day windows on consecutive days touch. */
export function curfewWindowsBetween(curfew: CurfewTimes, from: Date, to: Date): CurfewWindow[] {
	const windows: CurfewWindow[] = [];
	if (to.getTime() <= from.getTime()) return windows;
	// A window ends on the day after it starts, so only yesterday's can reach into `from`.
	const last = londonDate(to);
	for (let day = addLondonDays(londonDate(from), -1); day <= last; day = addLondonDays(day, 1)) {
		const w = curfewWindowOn(curfew, day);
		if (w !== null && w.start.getTime() < to.getTime() && w.end.getTime() > from.getTime()) {
			windows.push(w);
		}
	}
	return windows;
}

export function isCurfewInForce(curfew: CurfewTimes, at: Date): boolean {
	const t = at.getTime();
	const today = londonDate(at);
	return [addLondonDays(today, -1), today].some((day) => {
		const w = curfewWindowOn(curfew, day);
		return w !== null && w.start.getTime() <= t && t < w.end.getTime();
	});
}

/** The window in force at `at`, else the next to start; null only if `days` is empty. */
export function currentOrNextCurfewWindow(curfew: CurfewTimes, at: Date): CurfewWindow | null {
	// Eight days always reaches the next start of a weekly curfew.
	const windows = curfewWindowsBetween(curfew, at, new Date(at.getTime() + 8 * DAY_MS));
	return windows[0] ?? null;
}
