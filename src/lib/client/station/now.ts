import { operationalDay, shiftAt, type Shift } from '$lib/domain/operation/operational-day';

/** The operational day and shift on now, for a screen's starting choice. */
export function currentShift(now = new Date()): { date: string; shift: Shift } {
	return { date: operationalDay(now), shift: shiftAt(now)?.shift ?? 'day' };
}

/** Membership test over a list of ids (plain data: nothing here needs to be reactive). */
export function idSet(ids: Iterable<string>): ReadonlySet<string> {
	return new Set(ids);
}
