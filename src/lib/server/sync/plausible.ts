import { londonDate } from '$lib/domain/london-time';
import type { RejectionCode } from '$lib/domain/sync';
import type { Visit } from '$lib/domain/visit';

/**
 * Visits that cannot be true as sent, refused with a code (issue 8). Pure: what the server
 * knows comes in `PlausibilityContext`. The time window (docs/security.md):
 * - no time more than FUTURE_SKEW_MS after the server's clock (device clocks drift a little;
 *   a visit from the future is a wrong clock or a forgery);
 * - started no more than MAX_AGE_MS before it (a device offline for weeks is locked by
 *   expiry long before, and its sealed copy arrives within that time).
 */
export const FUTURE_SKEW_MS = 15 * 60 * 1000;
export const MAX_AGE_MS = 45 * 24 * 60 * 60 * 1000;

export type PlausibilityCode = Extract<
	RejectionCode,
	| 'implausible-time'
	| 'finished-before-started'
	| 'position-missing'
	| 'unknown-second-officer'
	| 'check-of-another-subjects-order'
	| 'before-assignment'
>;

export interface PlausibilityContext {
	/** The server's clock at receipt (ISO). */
	receivedAt: string;
	/** Ids of users who exist, among the visits' second officers. */
	users: ReadonlySet<string>;
	/** Order id → its subject, for the orders the visits' checks name. */
	orderSubject: ReadonlyMap<string, string>;
	/** London date the subject's assignment (for this officer) begins, by subject id. */
	assignmentDate: ReadonlyMap<string, string>;
}

export function implausibility(visit: Visit, ctx: PlausibilityContext): PlausibilityCode | null {
	const now = Date.parse(ctx.receivedAt);
	const started = Date.parse(visit.startedAt);
	const finished = Date.parse(visit.finishedAt);
	if (finished < started) return 'finished-before-started';
	if (Math.max(started, finished) > now + FUTURE_SKEW_MS || started < now - MAX_AGE_MS) {
		return 'implausible-time';
	}
	if (visit.positionState === 'recorded' && visit.position === null) return 'position-missing';
	if (
		visit.secondOfficerId !== null &&
		(visit.secondOfficerId === visit.officerId || !ctx.users.has(visit.secondOfficerId))
	) {
		return 'unknown-second-officer';
	}
	if (visit.checks.some((c) => ctx.orderSubject.get(c.orderId) !== visit.subjectId)) {
		return 'check-of-another-subjects-order';
	}
	const begins = ctx.assignmentDate.get(visit.subjectId);
	if (begins && londonDate(new Date(started)) < begins) return 'before-assignment';
	return null;
}

export const plausibilityMessages: Record<PlausibilityCode, string> = {
	'implausible-time':
		"The visit's times are too far from the server's clock. Check the tablet's date and time.",
	'finished-before-started': 'The visit finishes before it starts.',
	'position-missing': 'The visit says a position was recorded, but it carries none.',
	'unknown-second-officer': 'The second officer named on the visit is not a user of this system.',
	'check-of-another-subjects-order': "A condition check names an order that is not this person's.",
	'before-assignment': 'The visit is dated before the assignment it was made under began.'
};
