/**
 * The operational day: a night shift that crosses midnight is one day, not two.
 *
 * A day starts at a configurable London wall-clock time (`dayStart`, 07:00 by default, when the
 * night shift hands over) and runs to the same time on the next calendar date. An instant
 * belongs to the calendar date on which its operational day started. Shifts are named windows
 * of wall-clock time inside it; one whose start is earlier than `dayStart` begins on the next
 * calendar date (e.g. a 02:00 start still belongs to the day before).
 */
import { z } from 'zod';
import { localTimeSchema } from '../common';
import { addLondonDays, londonDate, londonParts, londonWallTimeToInstant } from '../london-time';

export const shifts = ['day', 'late', 'night'] as const;
export const shiftSchema = z.enum(shifts);
export type Shift = z.infer<typeof shiftSchema>;

export const shiftLabels: Record<Shift, string> = { day: 'Day', late: 'Late', night: 'Night' };

const shiftTimesSchema = z.strictObject({ start: localTimeSchema, end: localTimeSchema });

export const operationalDayConfigSchema = z.strictObject({
	dayStart: localTimeSchema,
	shifts: z.strictObject({ day: shiftTimesSchema, late: shiftTimesSchema, night: shiftTimesSchema })
});
export type OperationalDayConfig = z.infer<typeof operationalDayConfigSchema>;

export const defaultOperationalDay: OperationalDayConfig = {
	dayStart: '07:00',
	shifts: {
		day: { start: '07:00', end: '15:00' },
		late: { start: '15:00', end: '23:00' },
		night: { start: '22:00', end: '07:00' }
	}
};

export interface Window {
	start: Date;
	end: Date;
}

const hhmm = (d: Date) => {
	const p = londonParts(d);
	return `${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`;
};

/** The operational day ('YYYY-MM-DD') an instant belongs to. */
export function operationalDay(
	instant: Date,
	config: OperationalDayConfig = defaultOperationalDay
): string {
	const date = londonDate(instant);
	return hhmm(instant) < config.dayStart ? addLondonDays(date, -1) : date;
}

/** From `dayStart` on the date to `dayStart` on the next: 23 or 25 hours across a clock change. */
export function operationalDayWindow(
	ymd: string,
	config: OperationalDayConfig = defaultOperationalDay
): Window {
	return {
		start: londonWallTimeToInstant(ymd, config.dayStart),
		end: londonWallTimeToInstant(addLondonDays(ymd, 1), config.dayStart)
	};
}

/**
 * "Today" on a device: the window of the operational day on at `now`. From `dayStart` to the
 * next `dayStart`, so a night shift's visits after midnight are still today's, and visits of
 * the small hours before `dayStart` belong to the day before.
 */
export function todayWindow(
	now: Date,
	config: OperationalDayConfig = defaultOperationalDay
): Window {
	return operationalDayWindow(operationalDay(now, config), config);
}

/** When a shift of an operational day starts and ends, as instants. */
export function shiftWindow(
	ymd: string,
	shift: Shift,
	config: OperationalDayConfig = defaultOperationalDay
): Window {
	const { start, end } = config.shifts[shift];
	const startDate = start < config.dayStart ? addLondonDays(ymd, 1) : ymd;
	const endDate = end <= start ? addLondonDays(startDate, 1) : startDate;
	return {
		start: londonWallTimeToInstant(startDate, start),
		end: londonWallTimeToInstant(endDate, end)
	};
}

export function shiftMinutes(
	ymd: string,
	shift: Shift,
	config: OperationalDayConfig = defaultOperationalDay
): number {
	const w = shiftWindow(ymd, shift, config);
	return Math.round((w.end.getTime() - w.start.getTime()) / 60_000);
}

/** The shift on at an instant (the later-starting one where two overlap), or null between shifts. */
export function shiftAt(
	instant: Date,
	config: OperationalDayConfig = defaultOperationalDay
): { date: string; shift: Shift } | null {
	const t = instant.getTime();
	const today = operationalDay(instant, config);
	let best: { date: string; shift: Shift; start: number } | null = null;
	for (const date of [addLondonDays(today, -1), today]) {
		for (const shift of shifts) {
			const w = shiftWindow(date, shift, config);
			if (
				w.start.getTime() <= t &&
				t < w.end.getTime() &&
				(!best || w.start.getTime() > best.start)
			)
				best = { date, shift, start: w.start.getTime() };
		}
	}
	return best && { date: best.date, shift: best.shift };
}

/** Reads `FIELDCHECK_OPERATIONAL_DAY`-style JSON; anything invalid gives the default. */
export function parseOperationalDayConfig(raw: string | undefined): OperationalDayConfig {
	if (!raw) return defaultOperationalDay;
	try {
		const parsed = operationalDayConfigSchema.safeParse(JSON.parse(raw));
		return parsed.success ? parsed.data : defaultOperationalDay;
	} catch {
		return defaultOperationalDay;
	}
}

/**
 * `operationalDay` for many instants at once (a planning list of thousands of last visits): the
 * candidate days of each UTC date, with their start instants, are worked out once and reused, so
 * an instant costs a lookup and two comparisons rather than date arithmetic on strings.
 * Same answers as `operationalDay`.
 */
export function operationalDayOf(
	config: OperationalDayConfig = defaultOperationalDay
): (instant: Date) => string {
	const byUtcDate = new Map<number, { day: string; start: number }[]>();
	return (instant) => {
		const t = instant.getTime();
		const utcDate = Math.floor(t / UTC_DAY_MS);
		let candidates = byUtcDate.get(utcDate);
		if (!candidates) {
			// London is within a day of UTC, so the operational day is the UTC date or one either
			// side; the day before always started by the UTC date's midnight.
			const ymd = new Date(utcDate * UTC_DAY_MS).toISOString().slice(0, 10);
			candidates = [1, 0, -1].map((k) => {
				const day = addLondonDays(ymd, k);
				return { day, start: londonWallTimeToInstant(day, config.dayStart).getTime() };
			});
			byUtcDate.set(utcDate, candidates);
		}
		return (candidates.find((c) => c.start <= t) ?? candidates[2]!).day;
	};
}

const UTC_DAY_MS = 86_400_000;
