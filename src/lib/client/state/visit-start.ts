import type { SubjectBundle } from '$lib/domain/caseload';
import { activeConditions } from '$lib/domain/order-status';
import { newDraft, type VisitDraft } from '$lib/domain/visit-draft';
import type { Visit } from '$lib/domain/visit';
import * as drafts from '../db/drafts-store';
import { syncStatus } from './sync-status.svelte';

/** Starts a visit at one of the subject's addresses; the checklist is today's active conditions. */
export async function startVisit(
	bundle: SubjectBundle,
	addressId: string,
	officerId: string
): Promise<string> {
	const now = new Date();
	const draft = newDraft({
		id: crypto.randomUUID(),
		subjectId: bundle.subject.id,
		addressId,
		officerId,
		startedAt: now,
		conditions: activeConditions(bundle.orders, now)
	});
	await drafts.saveDraft(draft);
	await syncStatus.refreshCounts();
	return draft.id;
}

/** A correction: a new visit that points at the original, starting from what it said. */
export async function startAmendment(original: Visit, officerId: string): Promise<string> {
	const a = original.actions;
	const draft: VisitDraft = {
		id: crypto.randomUUID(),
		subjectId: original.subjectId,
		addressId: original.addressId,
		officerId,
		secondOfficerId: original.secondOfficerId,
		startedAt: original.startedAt,
		position: original.position,
		positionState: original.positionState,
		result: original.result,
		resultOther: original.resultOther ?? '',
		checks: original.checks.map((c) => ({ ...c })),
		actions: {
			arrest: a.arrest !== null,
			custodyReference: a.arrest?.custodyReference ?? '',
			wordsOfAdvice: a.wordsOfAdvice,
			safeguardingReferral: a.safeguardingReferral !== null,
			safeguardingConsent: a.safeguardingReferral?.consent ?? null,
			intelligenceSubmitted: a.intelligenceSubmitted,
			bodyWornVideoRef: a.bodyWornVideoRef ?? ''
		},
		notes: original.notes,
		photoIds: [],
		amends: original.id
	};
	await drafts.saveDraft(draft);
	await syncStatus.refreshCounts();
	return draft.id;
}

/** Discards a draft visit and its photos (never a finalised visit's). */
export async function discardDraft(id: string): Promise<void> {
	await drafts.discardDraft(id);
	await syncStatus.refreshCounts();
}
