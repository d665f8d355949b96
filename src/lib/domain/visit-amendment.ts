import type { Visit } from './visit';
import type { VisitDraft } from './visit-draft';

/**
 * A correction is a new visit that points at the original (`amends`) and starts from what the
 * original said: the inverse of finaliseDraft. It is recorded by `officerId`, who may not be
 * the officer of the original, and has no photos of its own yet.
 */
export function amendmentDraft(original: Visit, id: string, officerId: string): VisitDraft {
	const a = original.actions;
	return {
		id,
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
}
