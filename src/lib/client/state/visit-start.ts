import type { SubjectBundle } from '$lib/domain/caseload';
import { activeConditions } from '$lib/domain/order-status';
import { amendmentDraft } from '$lib/domain/visit-amendment';
import { newDraft } from '$lib/domain/visit-draft';
import type { Visit } from '$lib/domain/visit';
import * as drafts from '../db/drafts-store';

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
	return draft.id;
}

/** A correction: a new visit that points at the original, starting from what it said. */
export async function startAmendment(original: Visit, officerId: string): Promise<string> {
	const draft = amendmentDraft(original, crypto.randomUUID(), officerId);
	await drafts.saveDraft(draft);
	return draft.id;
}

/** Discards a draft visit and its photos (never a finalised visit's). */
export async function discardDraft(id: string): Promise<void> {
	await drafts.discardDraft(id);
}
