import type { TeamVisit } from '../caseload';
import { formatLondonTime } from '../london-time';
import { defaultOperationalDay, todayWindow, type OperationalDayConfig } from './operational-day';

/** Whether a visit happened in the operational day that is on now (a night shift is one day). */
export function inCurrentOperationalDay(
	at: string,
	now: Date,
	config: OperationalDayConfig = defaultOperationalDay
): boolean {
	const w = todayWindow(now, config);
	const t = Date.parse(at);
	return t >= w.start.getTime() && t < w.end.getTime();
}

/** "Visited 21:10 by PC Webb" for a visit in today's operational day, else null. */
export function teamVisitLabel(
	visit: TeamVisit | undefined,
	now: Date,
	config: OperationalDayConfig = defaultOperationalDay
): string | null {
	if (!visit || !inCurrentOperationalDay(visit.at, now, config)) return null;
	return `Visited ${formatLondonTime(new Date(visit.at))} by ${visit.officerName}`;
}
