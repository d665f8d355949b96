/**
 * Europe/London wall-clock arithmetic, built on Intl so it needs no date library and never
 * depends on the device's own time zone (a tablet left on UTC must still show London time).
 *
 * Calendar dates are 'YYYY-MM-DD' strings and wall-clock times 'HH:MM', as in the contract.
 * Calendar arithmetic is done on UTC midnights, which have no clock changes.
 */

const TIME_ZONE = 'Europe/London';
const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

export type LondonParts = {
	year: number;
	/** 1..12 */
	month: number;
	day: number;
	hour: number;
	minute: number;
	second: number;
	/** ISO weekday, Monday = 1 … Sunday = 7. */
	weekday: number;
};

// Built once: constructing a DateTimeFormat is far slower than using one.
const partsFormat = new Intl.DateTimeFormat('en-GB', {
	timeZone: TIME_ZONE,
	hourCycle: 'h23',
	year: 'numeric',
	month: 'numeric',
	day: 'numeric',
	hour: 'numeric',
	minute: 'numeric',
	second: 'numeric'
});

// Our own month names: ICU versions disagree ('Sep' or 'Sept'), and screens and tests should not.
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function assertValid(instant: Date): number {
	const ms = instant.getTime();
	if (Number.isNaN(ms)) throw new RangeError('Invalid Date');
	return ms;
}

function field(parts: Intl.DateTimeFormatPart[], type: Intl.DateTimeFormatPartTypes): number {
	const value = parts.find((p) => p.type === type)?.value;
	if (value === undefined) throw new Error(`Intl.DateTimeFormat gave no ${type}`);
	return Number(value);
}

/** Milliseconds since the epoch of a wall-clock reading taken as if it were UTC. */
function utcMs(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
	// setUTCFullYear, unlike Date.UTC, does not map years 0–99 to 1900–1999.
	const date = new Date(0);
	date.setUTCFullYear(year, month - 1, day);
	date.setUTCHours(hour, minute, second, 0);
	return date.getTime();
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function ymdFromUtc(ms: number): string {
	const d = new Date(ms);
	return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

function parseYmd(ymd: string): { year: number; month: number; day: number } {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(ymd);
	if (match === null) throw new RangeError(`Not a YYYY-MM-DD date: ${ymd}`);
	const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
	if (ymdFromUtc(utcMs(year, month, day)) !== ymd) throw new RangeError(`No such date: ${ymd}`);
	return { year, month, day };
}

function parseHhmm(hhmm: string): { hour: number; minute: number } {
	const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(hhmm);
	if (match === null) throw new RangeError(`Not an HH:MM time: ${hhmm}`);
	return { hour: Number(match[1]), minute: Number(match[2]) };
}

const HOUR_MS = 3_600_000;

/** London's offset from UTC at an instant, asked of Intl (one formatToParts call). */
function intlOffsetAt(ms: number): number {
	const parts = partsFormat.formatToParts(new Date(ms));
	const wall = utcMs(
		field(parts, 'year'),
		field(parts, 'month'),
		field(parts, 'day'),
		field(parts, 'hour'),
		field(parts, 'minute'),
		field(parts, 'second')
	);
	return wall - Math.floor(ms / 1000) * 1000;
}

/**
 * Offsets by UTC hour. London's clocks have only ever changed on a whole UTC hour (today at
 * 01:00 UTC), so one Intl call serves a whole hour; formatToParts per instant was most of the
 * time spent drawing a caseload's dates. Bounded, as a long-running server sees many hours.
 */
const offsetsByHour = new Map<number, number>();

/** How far London's clocks are ahead of UTC at this instant, in milliseconds (0 or 3 600 000). */
function offsetAt(ms: number): number {
	const hour = Math.floor(ms / HOUR_MS);
	let offset = offsetsByHour.get(hour);
	if (offset === undefined) {
		offset = intlOffsetAt(hour * HOUR_MS);
		if (offsetsByHour.size >= 10_000) offsetsByHour.clear();
		offsetsByHour.set(hour, offset);
	}
	return offset;
}

export function londonParts(instant: Date): LondonParts {
	const wall = new Date(assertValid(instant) + offsetAt(instant.getTime()));
	const [year, month, day] = [wall.getUTCFullYear(), wall.getUTCMonth() + 1, wall.getUTCDate()];
	return {
		year,
		month,
		day,
		hour: wall.getUTCHours(),
		minute: wall.getUTCMinutes(),
		second: wall.getUTCSeconds(),
		weekday: wall.getUTCDay() || 7
	};
}

/**
 * The instant at which London's clocks show `hhmm` on `ymd`.
 *
 * Clock changes make this ambiguous twice a year; both cases resolve to the earliest instant at
 * which a London clock shows that date and a time at or after `hhmm`:
 * - in the spring gap (01:00–01:59 on the last Sunday of March, e.g. 29 March 2026) the time never
 *   happens, so we take the end of the gap: 01:30 → 02:00 BST (01:00 UTC);
 * - in the autumn overlap (01:00–01:59 on the last Sunday of October, e.g. 25 October 2026) the
 *   time happens twice, so we take the first occurrence: 01:30 → 01:30 BST (00:30 UTC).
 */
export function londonWallTimeToInstant(ymd: string, hhmm: string): Date {
	const { year, month, day } = parseYmd(ymd);
	const { hour, minute } = parseHhmm(hhmm);
	const wall = utcMs(year, month, day, hour, minute);
	// Changes are months apart, so a day either side shows the offsets in play on this date.
	const before = offsetAt(wall - DAY_MS);
	const after = offsetAt(wall + DAY_MS);
	const matches = [wall - before, wall - after]
		.filter((ms) => ms + offsetAt(ms) === wall)
		.sort((a, b) => a - b);
	const first = matches[0];
	if (first !== undefined) return new Date(first);
	// In the gap: search for the change itself, between the last instant before it and the first after.
	let lo = wall - after;
	let hi = wall - before;
	while (hi - lo > MINUTE_MS) {
		const mid = lo + Math.floor((hi - lo) / MINUTE_MS / 2) * MINUTE_MS;
		if (offsetAt(mid) === after) hi = mid;
		else lo = mid;
	}
	return new Date(hi);
}

/** The London calendar date of an instant, 'YYYY-MM-DD'. */
export function londonDate(instant: Date): string {
	const p = londonParts(instant);
	return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
}

export function addLondonDays(ymd: string, days: number): string {
	const { year, month, day } = parseYmd(ymd);
	return ymdFromUtc(utcMs(year, month, day + days));
}

/** Whole calendar days from one date to another: positive when `to` is later. */
export function calendarDaysBetween(from: string, to: string): number {
	const a = parseYmd(from);
	const b = parseYmd(to);
	return Math.round((utcMs(b.year, b.month, b.day) - utcMs(a.year, a.month, a.day)) / DAY_MS);
}

/** ISO weekday of a calendar date, Monday = 1 … Sunday = 7. */
export function weekdayOf(ymd: string): number {
	const { year, month, day } = parseYmd(ymd);
	return new Date(utcMs(year, month, day)).getUTCDay() || 7;
}

/** '19:05' */
export function formatLondonTime(instant: Date): string {
	const p = londonParts(instant);
	return `${pad(p.hour)}:${pad(p.minute)}`;
}

/** '27 Nov 2026' */
export function formatLondonDate(instant: Date): string {
	return formatCalendarDate(londonDate(instant));
}

/** '27 Nov 2026, 19:05' */
export function formatLondonDateTime(instant: Date): string {
	return `${formatLondonDate(instant)}, ${formatLondonTime(instant)}`;
}

/** A calendar date as written in en-GB: '2026-12-01' → '1 Dec 2026'. */
export function formatCalendarDate(ymd: string): string {
	const { year, month, day } = parseYmd(ymd);
	return `${day} ${MONTHS[month - 1] ?? ''} ${year}`;
}
