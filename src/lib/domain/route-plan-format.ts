/**
 * Route figures as the officer reads them: 24-hour Europe/London clock times for minutes into
 * the shift, distances and durations. Minutes are real elapsed time, so across a clock change
 * 60 minutes after 00:30 BST on 25 Oct 2026 reads 01:30, and 120 minutes after it reads 01:30
 * again (GMT).
 */
import { formatLondonTime } from './london-time';
import { DEFAULT_CIRCUITY, DEFAULT_SPEED_KMH } from './route';
import type { TravelMatrices } from './route-plan';

const MINUTE_MS = 60_000;

export function instantAt(shiftStart: Date, minute: number): Date {
	return new Date(shiftStart.getTime() + Math.round(minute) * MINUTE_MS);
}

/** '19:05': the London clock time `minute` minutes into the shift. */
export function formatArrival(shiftStart: Date, minute: number): string {
	return formatLondonTime(instantAt(shiftStart, minute));
}

/** '850 m', '12.4 km', '132 km' */
export function formatDistance(metres: number): string {
	if (metres < 1000) return `${Math.round(metres / 10) * 10} m`;
	const km = metres / 1000;
	return km < 100 ? `${km.toFixed(1)} km` : `${Math.round(km)} km`;
}

/** '8 min', '2 h 05 min' */
export function formatDuration(minutes: number): string {
	const total = Math.max(0, Math.round(minutes));
	if (total < 60) return `${total} min`;
	const h = Math.floor(total / 60);
	return `${h} h ${String(total % 60).padStart(2, '0')} min`;
}

/** A curfew check counts as late from a whole minute after the curfew ends. */
export function isLate(lateMin: number): boolean {
	return lateMin >= 1;
}

/** What the officer is told about the figures behind the plan. */
export function travelModelLabel(travel: Pick<TravelMatrices, 'model' | 'note'>): string {
	if (travel.model === 'road') return 'Road travel times (routing service)';
	const base = `Straight-line distance × ${DEFAULT_CIRCUITY} at ${DEFAULT_SPEED_KMH} km/h`;
	return travel.note ? `${base}: ${travel.note}` : base;
}
