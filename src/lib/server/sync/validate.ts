import type { RejectionCode } from '$lib/domain/sync';
import type { PhotoRef, Visit } from '$lib/domain/visit';
import type { AssignmentState } from '../db/references';
import {
	implausibility,
	plausibilityMessages,
	type PlausibilityCode,
	type PlausibilityContext
} from './plausible';

/**
 * The rules a pushed visit must pass, as pure functions over what the server knows. Each
 * failure is a kebab-case code (the client branches on it) and a message telling the officer
 * what to do; rejections are final, so every message ends in an action they can take.
 */

export interface KnownVisit {
	subjectId: string;
	/** Who recorded it: only they may correct it. */
	officerId: string;
	/** Canonical JSON of the stored visit, to tell a resend from a different visit. */
	data: string;
	receivedAt: string;
}

export interface KnownPhoto {
	sha256: string;
	bytes: number;
	mimeType: string;
}

export interface ValidationContext extends PlausibilityContext {
	officerId: string;
	subjects: ReadonlySet<string>;
	addressSubject: ReadonlyMap<string, string>;
	assignments: ReadonlyMap<string, AssignmentState>;
	visits: ReadonlyMap<string, KnownVisit>;
	photos: ReadonlyMap<string, KnownPhoto>;
}

export type Verdict =
	| { kind: 'accept' }
	| { kind: 'duplicate'; receivedAt: string }
	| { kind: 'reject'; code: RejectionCode; message: string };

const EXPORT = 'Export this visit from the outbox and give it to your supervisor.';

export const messages: Record<
	Exclude<RejectionCode, 'invalid-mutation' | PlausibilityCode>,
	string
> = {
	'wrong-officer': `This visit is recorded under another officer's account. ${EXPORT}`,
	'not-assigned':
		`You were not assigned to this person when the visit started, so the server cannot ` +
		`accept it. ${EXPORT}`,
	'unknown-subject': `The server has no record of this person. ${EXPORT}`,
	'unknown-address': `The address is not one of this person's addresses on the server. ${EXPORT}`,
	'unknown-amended-visit': `The visit this corrects is not on the server, or is about someone else. ${EXPORT}`,
	'amends-another-officers-visit':
		'The visit this corrects was recorded by another officer, and only they can correct it. ' +
		'Ask them to, or export this visit from the outbox and give it to your supervisor.',
	'visit-id-conflict': `A different visit with the same id has already been received. ${EXPORT}`,
	'photo-id-conflict': `A photo on this visit has the same id as a different photo. ${EXPORT}`,
	'sequence-reused': `This device already sent a different change with this sequence number. ${EXPORT}`
};

function reject(code: keyof typeof messages): Verdict {
	return { kind: 'reject', code, message: messages[code] };
}

/**
 * Assigned now, or assigned when the visit started: an inactive row unassigned after
 * `startedAt` still covers it, so a visit recorded offline is not lost because the supervisor
 * moved the subject on before the device got signal.
 */
export function wasAssigned(assignment: AssignmentState | undefined, startedAt: string): boolean {
	if (!assignment) return false;
	if (assignment.active) return true;
	return Date.parse(assignment.updatedAt) > Date.parse(startedAt);
}

/** A photo id names one piece of content for ever; the same ref again (an amendment's) is fine. */
export function photosConflict(
	refs: readonly PhotoRef[],
	known: ReadonlyMap<string, KnownPhoto>
): boolean {
	const inVisit = new Map<string, KnownPhoto>();
	for (const ref of refs) {
		const other = known.get(ref.id) ?? inVisit.get(ref.id);
		if (other && !samePhoto(other, ref)) return true;
		inVisit.set(ref.id, ref);
	}
	return false;
}

function samePhoto(a: KnownPhoto, b: KnownPhoto): boolean {
	return a.sha256 === b.sha256 && a.bytes === b.bytes && a.mimeType === b.mimeType;
}

/** `data` is the canonical JSON of `visit`, as it would be stored. */
export function checkVisit(visit: Visit, data: string, ctx: ValidationContext): Verdict {
	if (visit.officerId !== ctx.officerId) return reject('wrong-officer');
	const existing = ctx.visits.get(visit.id);
	if (existing) {
		return existing.data === data
			? { kind: 'duplicate', receivedAt: existing.receivedAt }
			: reject('visit-id-conflict');
	}
	const implausible = implausibility(visit, ctx);
	if (implausible) {
		return {
			kind: 'reject',
			code: implausible,
			message: `${plausibilityMessages[implausible]} ${EXPORT}`
		};
	}
	if (!ctx.subjects.has(visit.subjectId)) return reject('unknown-subject');
	if (ctx.addressSubject.get(visit.addressId) !== visit.subjectId) return reject('unknown-address');
	if (visit.amends !== null) {
		const original = ctx.visits.get(visit.amends);
		if (original?.subjectId !== visit.subjectId) return reject('unknown-amended-visit');
		if (original.officerId !== ctx.officerId) return reject('amends-another-officers-visit');
	}
	if (!wasAssigned(ctx.assignments.get(visit.subjectId), visit.startedAt)) {
		return reject('not-assigned');
	}
	if (photosConflict(visit.photos, ctx.photos)) return reject('photo-id-conflict');
	return { kind: 'accept' };
}
