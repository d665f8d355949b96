import { describe, expect, it } from 'vitest';
import { visitSchema } from './visit';
import { draftProblems, finaliseDraft, newDraft, type VisitDraft } from './visit-draft';

const ids = {
	visit: '11111111-1111-4111-8111-111111111111',
	subject: '22222222-2222-4222-8222-222222222222',
	address: '33333333-3333-4333-8333-333333333333',
	officer: '44444444-4444-4444-8444-444444444444',
	order: '55555555-5555-4555-8555-555555555555',
	condition: '66666666-6666-4666-8666-666666666666'
};

function draft(): VisitDraft {
	return newDraft({
		id: ids.visit,
		subjectId: ids.subject,
		addressId: ids.address,
		officerId: ids.officer,
		startedAt: new Date('2026-11-27T19:30:00Z'),
		conditions: [
			{
				orderId: ids.order,
				orderVersion: 3,
				condition: { id: ids.condition, type: 'other', wording: 'Not to be drunk in public' }
			}
		]
	});
}

describe('visit drafts', () => {
	it('builds the checklist against the order version on screen', () => {
		const d = draft();
		expect(d.checks).toEqual([
			{
				orderId: ids.order,
				orderVersion: 3,
				conditionId: ids.condition,
				outcome: null,
				notes: ''
			}
		]);
	});

	it('needs every condition marked when the subject was seen, "Not checked" included', () => {
		const d = draft();
		d.result = 'seen';
		expect(draftProblems(d)).toEqual(['conditions-unmarked']);
		d.checks[0]!.outcome = 'not-checked';
		expect(draftProblems(d)).toEqual([]);
	});

	it('records unmarked conditions as not checked when the subject was not seen', () => {
		const d = draft();
		d.result = 'no-reply';
		expect(draftProblems(d)).toEqual([]);
		const out = finaliseDraft(d, []);
		expect(out.ok && out.visit.checks[0]!.outcome).toBe('not-checked');
	});

	it('needs a result before it can be finalised', () => {
		expect(draftProblems(draft())).toEqual(['result-missing']);
	});

	it('needs a custody reference for an arrest, consent for a referral, notes for a breach', () => {
		const d = draft();
		d.result = 'seen';
		d.actions.arrest = true;
		d.actions.safeguardingReferral = true;
		d.checks[0]!.outcome = 'breach';
		expect(draftProblems(d)).toEqual([
			'custody-reference-missing',
			'consent-missing',
			'breach-notes-missing'
		]);
		d.actions.custodyReference = 'BD/12345/26';
		d.actions.safeguardingConsent = false;
		d.checks[0]!.notes = 'Found at the protected premises';
		expect(draftProblems(d)).toEqual([]);
	});

	it('finalises into a visit that the shared contract accepts', () => {
		const d = draft();
		d.result = 'other';
		d.resultOther = '  Spoke through the window ';
		d.actions.bodyWornVideoRef = '   ';
		const out = finaliseDraft(d, [], new Date('2026-11-27T19:45:00Z'));
		expect(out.ok).toBe(true);
		if (!out.ok) return;
		expect(visitSchema.parse(out.visit)).toEqual(out.visit);
		expect(out.visit.resultOther).toBe('Spoke through the window');
		expect(out.visit.actions.bodyWornVideoRef).toBeNull();
		expect(out.visit.actions.arrest).toBeNull();
		expect(out.visit.finishedAt).toBe('2026-11-27T19:45:00.000Z');
	});

	it('refuses a draft whose fields the contract rejects', () => {
		const d = draft();
		d.result = 'seen';
		d.checks[0]!.outcome = 'compliant';
		d.notes = 'x'.repeat(9000);
		expect(finaliseDraft(d, [], new Date())).toEqual({ ok: false, problems: ['invalid'] });
	});
});
