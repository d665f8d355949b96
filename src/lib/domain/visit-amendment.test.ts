import { describe, expect, it } from 'vitest';
import { amendmentDraft } from './visit-amendment';
import { finaliseDraft } from './visit-draft';
import { makeVisit, uuid } from './testing';

const original = makeVisit({
	id: uuid(1),
	result: 'other',
	resultOther: 'Spoke through the window',
	checks: [
		{
			orderId: uuid(2),
			orderVersion: 3,
			conditionId: uuid(3),
			outcome: 'breach',
			notes: 'Seen with the victim'
		}
	],
	actions: {
		arrest: { custodyReference: 'CUST-1234' },
		wordsOfAdvice: true,
		safeguardingReferral: { consent: false },
		intelligenceSubmitted: true,
		bodyWornVideoRef: 'BWV-77'
	}
});
const corrector = uuid(9, 'c');

describe('amendmentDraft', () => {
	it('points at the original and is a new visit by the correcting officer, without photos', () => {
		const draft = amendmentDraft(original, uuid(5), corrector);
		expect(draft.amends).toBe(original.id);
		expect(draft.id).toBe(uuid(5));
		expect(draft.officerId).toBe(corrector);
		expect(draft.photoIds).toEqual([]);
	});

	it('is the inverse of finaliseDraft: finalised unchanged, it says what the original said', () => {
		const result = finaliseDraft(
			amendmentDraft(original, uuid(5), corrector),
			[],
			new Date(original.finishedAt)
		);
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.visit).toEqual({
			...original,
			id: uuid(5),
			officerId: corrector,
			amends: original.id
		});
	});

	it('copies the checks rather than sharing them with the original', () => {
		const draft = amendmentDraft(original, uuid(5), corrector);
		draft.checks[0]!.notes = 'changed';
		expect(original.checks[0]!.notes).toBe('Seen with the victim');
	});
});
