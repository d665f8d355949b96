import { z } from 'zod';
import { idSchema, instantSchema } from './common';
import type { ActiveCondition } from './order-status';
import {
	attemptResultSchema,
	conditionOutcomeSchema,
	positionSchema,
	positionStateSchema,
	visitSchema,
	type PhotoRef,
	type Visit,
	type VisitActions
} from './visit';

export const draftCheckSchema = z.object({
	orderId: idSchema,
	orderVersion: z.number().int().positive(),
	conditionId: idSchema,
	/** Null until the officer marks it: "Not checked" is a choice, never a default. */
	outcome: conditionOutcomeSchema.nullable(),
	notes: z.string()
});
export type DraftCheck = z.infer<typeof draftCheckSchema>;

export const draftActionsSchema = z.object({
	arrest: z.boolean(),
	custodyReference: z.string(),
	wordsOfAdvice: z.boolean(),
	safeguardingReferral: z.boolean(),
	safeguardingConsent: z.boolean().nullable(),
	intelligenceSubmitted: z.boolean(),
	bodyWornVideoRef: z.string()
});
export type DraftActions = z.infer<typeof draftActionsSchema>;

/**
 * A visit while the officer is still recording it: every field may be incomplete (text has no
 * limits yet; `finaliseDraft` applies the visit's). Saved on the device as it is typed and
 * parsed when read back, so a draft kept by an older build is noticed rather than trusted.
 */
export const visitDraftSchema = z.object({
	id: idSchema,
	subjectId: idSchema,
	addressId: idSchema,
	officerId: idSchema,
	secondOfficerId: idSchema.nullable(),
	startedAt: instantSchema,
	position: positionSchema.nullable(),
	positionState: positionStateSchema,
	result: attemptResultSchema.nullable(),
	resultOther: z.string(),
	checks: z.array(draftCheckSchema),
	actions: draftActionsSchema,
	notes: z.string(),
	photoIds: z.array(idSchema),
	amends: idSchema.nullable()
});
export type VisitDraft = z.infer<typeof visitDraftSchema>;

export function newDraft(input: {
	id: string;
	subjectId: string;
	addressId: string;
	officerId: string;
	startedAt: Date;
	conditions: ActiveCondition[];
	amends?: string | null;
}): VisitDraft {
	return {
		id: input.id,
		subjectId: input.subjectId,
		addressId: input.addressId,
		officerId: input.officerId,
		secondOfficerId: null,
		startedAt: input.startedAt.toISOString(),
		position: null,
		positionState: 'unavailable',
		result: null,
		resultOther: '',
		// Recorded against the order version on screen when the visit started.
		checks: input.conditions.map((c) => ({
			orderId: c.orderId,
			orderVersion: c.orderVersion,
			conditionId: c.condition.id,
			outcome: null,
			notes: ''
		})),
		actions: {
			arrest: false,
			custodyReference: '',
			wordsOfAdvice: false,
			safeguardingReferral: false,
			safeguardingConsent: null,
			intelligenceSubmitted: false,
			bodyWornVideoRef: ''
		},
		notes: '',
		photoIds: [],
		amends: input.amends ?? null
	};
}

export type DraftProblem =
	| 'result-missing'
	| 'result-other-missing'
	| 'custody-reference-missing'
	| 'consent-missing'
	| 'breach-notes-missing'
	| 'conditions-unmarked'
	| 'invalid';

export const draftProblemMessages: Record<DraftProblem, string> = {
	'result-missing': 'Choose what happened at the door',
	'result-other-missing': 'Say what "other" means',
	'custody-reference-missing': 'Enter the custody reference for the arrest',
	'consent-missing': 'Record whether the victim consented to the safeguarding referral',
	'breach-notes-missing': 'Add a note to each breach',
	'conditions-unmarked':
		'Mark every condition: Compliant, Breach, Not checked or N/A (the subject was seen)',
	invalid: 'Some details are not valid'
};

/** What still stops this draft being finalised, in the order the form shows them. */
export function draftProblems(d: VisitDraft): DraftProblem[] {
	const out: DraftProblem[] = [];
	if (!d.result) out.push('result-missing');
	if (d.result === 'other' && d.resultOther.trim() === '') out.push('result-other-missing');
	if (d.actions.arrest && d.actions.custodyReference.trim() === '') {
		out.push('custody-reference-missing');
	}
	if (d.actions.safeguardingReferral && d.actions.safeguardingConsent === null) {
		out.push('consent-missing');
	}
	if (d.checks.some((c) => c.outcome === 'breach' && c.notes.trim() === '')) {
		out.push('breach-notes-missing');
	}
	// Seen: each condition was either checked or consciously left. Not seen: nothing could be.
	if (d.result === 'seen' && d.checks.some((c) => c.outcome === null)) {
		out.push('conditions-unmarked');
	}
	return out;
}

/** The actions as a finished visit records them: blank references dropped, text trimmed. */
export function visitActionsOf(a: DraftActions): VisitActions {
	return {
		arrest: a.arrest ? { custodyReference: a.custodyReference.trim() } : null,
		wordsOfAdvice: a.wordsOfAdvice,
		safeguardingReferral: a.safeguardingReferral
			? { consent: a.safeguardingConsent === true }
			: null,
		intelligenceSubmitted: a.intelligenceSubmitted,
		bodyWornVideoRef: a.bodyWornVideoRef.trim() || null
	};
}

/** The finished visit, or the problems that stop it. Validated with the shared contract. */
export function finaliseDraft(
	d: VisitDraft,
	photos: PhotoRef[],
	finishedAt: Date = new Date()
): { ok: true; visit: Visit } | { ok: false; problems: DraftProblem[] } {
	const problems = draftProblems(d);
	if (problems.length > 0) return { ok: false, problems };
	const candidate = {
		id: d.id,
		subjectId: d.subjectId,
		addressId: d.addressId,
		officerId: d.officerId,
		secondOfficerId: d.secondOfficerId,
		startedAt: d.startedAt,
		finishedAt: finishedAt.toISOString(),
		position: d.position,
		positionState: d.positionState,
		result: d.result,
		resultOther: d.result === 'other' ? d.resultOther.trim() : null,
		checks: d.checks.map((c) => ({
			...c,
			outcome: c.outcome ?? 'not-checked',
			notes: c.notes.trim()
		})),
		actions: visitActionsOf(d.actions),
		notes: d.notes,
		photos,
		amends: d.amends
	};
	const parsed = visitSchema.safeParse(candidate);
	return parsed.success ? { ok: true, visit: parsed.data } : { ok: false, problems: ['invalid'] };
}
