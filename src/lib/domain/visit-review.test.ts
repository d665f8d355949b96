import { describe, expect, it } from 'vitest';
import type { Order } from './order';
import { uuid } from './testing';
import { actionLines, checksWith, tallyChecks, tallyText } from './visit-review';

const order: Order = {
	id: uuid(1),
	subjectId: uuid(2),
	type: 'DAPO',
	issuer: 'Luton Magistrates',
	reference: 'DAPO-1',
	startsAt: '2026-11-01T00:00:00Z',
	expiresAt: null,
	status: 'active',
	version: 1,
	conditions: [
		{
			id: uuid(3),
			type: 'no-contact',
			wording: 'No contact',
			protectedPersonRef: 'PP-7K2Q9',
			direct: true,
			indirect: true
		},
		{ id: uuid(4), type: 'other', wording: 'Not to drink alcohol in public' }
	]
};

const check = (conditionId: string, outcome: 'breach' | 'not-checked' | null, notes = '') => ({
	orderId: order.id,
	orderVersion: 1,
	conditionId,
	outcome,
	notes
});

describe('tallyChecks', () => {
	it('never counts "Not checked" or N/A as checked', () => {
		const t = tallyChecks([{ outcome: 'not-checked' }, { outcome: 'not-checked' }]);
		expect(t).toMatchObject({ checked: 0, breach: 0, notChecked: 2 });
		expect(tallyText(t)).toBe('2 conditions: 0 checked (0 compliant, 0 breaches) · 2 not checked');
	});

	it('counts compliant and breach as checked, and unmarked as not checked in the text', () => {
		const t = tallyChecks([
			{ outcome: 'compliant' },
			{ outcome: 'breach' },
			{ outcome: 'not-applicable' },
			{ outcome: null }
		]);
		expect(t).toMatchObject({ checked: 2, compliant: 1, breach: 1, notApplicable: 1, unmarked: 1 });
		expect(tallyText(t)).toBe(
			'4 conditions: 2 checked (1 compliant, 1 breach) · 1 not checked · 1 N/A'
		);
	});

	it('says when there is nothing to check', () => {
		expect(tallyText(tallyChecks([]))).toBe('No conditions to check');
	});
});

describe('checksWith', () => {
	it('names the breached condition with its note', () => {
		const checks = [check(uuid(3), 'breach', ' Texted her twice '), check(uuid(4), null)];
		expect(checksWith(checks, { orders: [order], addresses: [] }, ['breach'])).toEqual([
			{
				conditionId: uuid(3),
				text: 'Must not contact PP-7K2Q9, directly or indirectly',
				notes: 'Texted her twice'
			}
		]);
	});

	it('lists unmarked and not-checked together when asked', () => {
		const checks = [check(uuid(3), 'not-checked'), check(uuid(4), null)];
		const named = checksWith(checks, { orders: [order], addresses: [] }, ['not-checked', null]);
		expect(named.map((n) => n.conditionId)).toEqual([uuid(3), uuid(4)]);
	});

	it('still lists a condition whose order has left the device', () => {
		const named = checksWith([check(uuid(9), 'breach')], null, ['breach']);
		expect(named[0]!.text).toBe('A condition no longer on this device');
	});
});

describe('actionLines', () => {
	it('lists each action with its reference, and nothing when none was taken', () => {
		const none = {
			arrest: null,
			wordsOfAdvice: false,
			safeguardingReferral: null,
			intelligenceSubmitted: false,
			bodyWornVideoRef: null
		};
		expect(actionLines(none)).toEqual([]);
		expect(
			actionLines({
				arrest: { custodyReference: 'BD/123/26' },
				wordsOfAdvice: true,
				safeguardingReferral: { consent: false },
				intelligenceSubmitted: true,
				bodyWornVideoRef: 'BWV-9'
			})
		).toEqual([
			'Arrest made, custody reference BD/123/26',
			'Words of advice given',
			'Safeguarding referral for the victim (victim did not consent)',
			'Intelligence submitted',
			'Body-worn video reference BWV-9'
		]);
	});
});
