/** Day arithmetic for the generator, all in UTC so the output never depends on the host zone. */

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

/** Midnight UTC of a YYYY-MM-DD day; rejects impossible dates such as 2026-02-30. */
export function parseDay(day: string): number {
	const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
	const ms = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : NaN;
	if (Number.isNaN(ms) || isoDay(ms) !== day) {
		throw new RangeError(`today must be a real date as YYYY-MM-DD, not '${day}'`);
	}
	return ms;
}

export function isoDay(ms: number): string {
	return new Date(ms).toISOString().slice(0, 10);
}

/** An instant with an explicit 'Z' offset and whole seconds, e.g. 2026-03-14T09:30:00Z. */
export function instant(ms: number): string {
	return new Date(ms).toISOString().slice(0, 19) + 'Z';
}
