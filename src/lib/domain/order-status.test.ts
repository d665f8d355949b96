import { describe, expect, it } from 'vitest';
import { orderSchema, type Order } from './order';
import { activeConditions, effectiveOrderStatus, expiryLabel, isOrderActive } from './order-status';

const SUBJECT_ID = '0c4a9e2b-7d1f-4b8a-9c3e-5f6a7b8c9d0e';

function order(overrides: Partial<Order> = {}): Order {
	return orderSchema.parse({
		id: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
		subjectId: SUBJECT_ID,
		type: 'DVPO',
		issuer: 'Luton Magistrates’ Court',
		reference: 'DVPO/2026/0412',
		startsAt: '2026-11-01T10:00:00Z',
		expiresAt: '2026-11-29T10:00:00Z',
		status: 'active',
		version: 1,
		conditions: [],
		...overrides
	});
}

const at = (isoInstant: string) => new Date(isoInstant);

describe('effectiveOrderStatus and isOrderActive', () => {
	it('is in force from the start instant exactly, not a millisecond before', () => {
		const o = order();
		expect(effectiveOrderStatus(o, at('2026-11-01T09:59:59.999Z'))).toBe('not-yet-in-force');
		expect(isOrderActive(o, at('2026-11-01T09:59:59.999Z'))).toBe(false);
		expect(effectiveOrderStatus(o, at('2026-11-01T10:00:00Z'))).toBe('active');
		expect(isOrderActive(o, at('2026-11-01T10:00:00Z'))).toBe(true);
	});

	it('has expired at the expiry instant exactly, though the stored status says active', () => {
		const o = order();
		expect(effectiveOrderStatus(o, at('2026-11-29T09:59:59.999Z'))).toBe('active');
		expect(effectiveOrderStatus(o, at('2026-11-29T10:00:00Z'))).toBe('expired');
		expect(isOrderActive(o, at('2026-11-29T10:00:00Z'))).toBe(false);
	});

	it('reads an expiry written with a BST offset as that instant', () => {
		const o = order({
			startsAt: '2026-06-01T09:00:00+01:00',
			expiresAt: '2026-07-01T17:00:00+01:00'
		});
		expect(isOrderActive(o, at('2026-07-01T15:59:00Z'))).toBe(true);
		expect(isOrderActive(o, at('2026-07-01T16:00:00Z'))).toBe(false);
	});

	it('stays in force with no expiry', () => {
		const o = order({ type: 'DAPO', expiresAt: null });
		expect(effectiveOrderStatus(o, at('2040-01-01T00:00:00Z'))).toBe('active');
		expect(isOrderActive(o, at('2040-01-01T00:00:00Z'))).toBe(true);
	});

	it('keeps a discharged order discharged, even inside its dates', () => {
		const o = order({ status: 'discharged' });
		expect(effectiveOrderStatus(o, at('2026-11-10T12:00:00Z'))).toBe('discharged');
		expect(isOrderActive(o, at('2026-11-10T12:00:00Z'))).toBe(false);
	});

	it('counts a varied order as in force, and as expired after its expiry', () => {
		const o = order({ status: 'varied', version: 2 });
		expect(effectiveOrderStatus(o, at('2026-11-10T12:00:00Z'))).toBe('varied');
		expect(isOrderActive(o, at('2026-11-10T12:00:00Z'))).toBe(true);
		expect(effectiveOrderStatus(o, at('2026-11-30T12:00:00Z'))).toBe('expired');
	});

	it('trusts a stored expired status before the expiry date', () => {
		const o = order({ status: 'expired' });
		expect(effectiveOrderStatus(o, at('2026-11-10T12:00:00Z'))).toBe('expired');
		expect(isOrderActive(o, at('2026-11-10T12:00:00Z'))).toBe(false);
	});
});

describe('activeConditions', () => {
	const curfew = {
		id: '11111111-2222-4333-8444-555555555555',
		wording: 'Curfew 19:00 to 07:00',
		type: 'curfew',
		addressId: '66666666-7777-4888-9999-aaaaaaaaaaaa',
		start: '19:00',
		end: '07:00',
		days: null
	} as const;
	const noContact = {
		id: '22222222-3333-4444-8555-666666666666',
		wording: 'Not to contact the protected person',
		type: 'no-contact',
		protectedPersonRef: 'PP-7K2Q9',
		direct: true,
		indirect: true
	} as const;
	const other = {
		id: '33333333-4444-4555-8666-777777777777',
		wording: 'Other',
		type: 'other'
	} as const;

	it('flattens the conditions of in-force orders with their order id and version', () => {
		const varied = order({
			id: 'aaaaaaaa-0000-4000-8000-000000000001',
			status: 'varied',
			version: 3,
			conditions: [curfew, noContact]
		});
		const expired = order({
			id: 'aaaaaaaa-0000-4000-8000-000000000002',
			expiresAt: '2026-11-05T10:00:00Z',
			conditions: [other]
		});
		const discharged = order({
			id: 'aaaaaaaa-0000-4000-8000-000000000003',
			status: 'discharged',
			conditions: [other]
		});
		const result = activeConditions([varied, expired, discharged], at('2026-11-10T12:00:00Z'));
		expect(result.map((c) => [c.orderId, c.orderVersion, c.condition.id])).toEqual([
			['aaaaaaaa-0000-4000-8000-000000000001', 3, curfew.id],
			['aaaaaaaa-0000-4000-8000-000000000001', 3, noContact.id]
		]);
	});

	it('is empty when nothing is in force', () => {
		expect(activeConditions([order({ conditions: [other] })], at('2026-10-01T00:00:00Z'))).toEqual(
			[]
		);
	});
});

describe('expiryLabel', () => {
	it('counts London calendar days ahead', () => {
		const o = order({ expiresAt: '2026-11-29T10:00:00Z' });
		expect(expiryLabel(o, at('2026-11-27T20:00:00Z'))).toBe('expires in 2 days');
		expect(expiryLabel(o, at('2026-11-28T09:00:00Z'))).toBe('expires tomorrow');
		expect(expiryLabel(o, at('2026-11-29T08:00:00Z'))).toBe('expires today at 10:00');
	});

	it('counts days behind once expired', () => {
		const o = order({ expiresAt: '2026-11-24T17:00:00Z' });
		expect(expiryLabel(o, at('2026-11-24T18:00:00Z'))).toBe('expired today at 17:00');
		expect(expiryLabel(o, at('2026-11-25T09:00:00Z'))).toBe('expired yesterday');
		expect(expiryLabel(o, at('2026-11-27T09:00:00Z'))).toBe('expired 3 days ago');
	});

	it('turns over at London midnight in GMT', () => {
		const o = order({ expiresAt: '2026-11-28T00:30:00Z' });
		expect(expiryLabel(o, at('2026-11-27T23:59:00Z'))).toBe('expires tomorrow');
		expect(expiryLabel(o, at('2026-11-28T00:00:00Z'))).toBe('expires today at 00:30');
	});

	it('turns over at London midnight in BST, an hour before UTC midnight', () => {
		// Expires 00:30 BST on 2 July = 23:30 UTC on 1 July.
		const o = order({ startsAt: '2026-06-01T09:00:00Z', expiresAt: '2026-07-01T23:30:00Z' });
		expect(expiryLabel(o, at('2026-07-01T22:59:00Z'))).toBe('expires tomorrow');
		expect(expiryLabel(o, at('2026-07-01T23:00:00Z'))).toBe('expires today at 00:30');
	});

	it('says yesterday from London midnight in BST', () => {
		// Expired 17:00 BST on 1 July.
		const o = order({ startsAt: '2026-06-01T09:00:00Z', expiresAt: '2026-07-01T16:00:00Z' });
		expect(expiryLabel(o, at('2026-07-01T22:59:00Z'))).toBe('expired today at 17:00');
		expect(expiryLabel(o, at('2026-07-01T23:00:00Z'))).toBe('expired yesterday');
	});

	it('says midnight for an order that runs to the end of a day', () => {
		// 00:00 BST on 2 July.
		const o = order({ startsAt: '2026-06-01T09:00:00Z', expiresAt: '2026-07-01T23:00:00Z' });
		expect(expiryLabel(o, at('2026-07-01T12:00:00Z'))).toBe('expires at midnight tonight');
		expect(expiryLabel(o, at('2026-07-02T08:00:00Z'))).toBe('expired at midnight last night');
	});

	it('counts calendar days, not 24-hour periods, across the October change', () => {
		// 12:00 BST on Saturday 24 to 09:00 GMT on Monday 26: 46 real hours, two calendar days.
		const o = order({ startsAt: '2026-10-01T09:00:00Z', expiresAt: '2026-10-26T09:00:00Z' });
		expect(expiryLabel(o, at('2026-10-24T11:00:00Z'))).toBe('expires in 2 days');
	});

	it('gives a date when expiry is far off or long past', () => {
		const o = order({ expiresAt: '2027-03-03T12:00:00Z' });
		expect(expiryLabel(o, at('2026-11-10T12:00:00Z'))).toBe('expires 3 Mar 2027');
		expect(expiryLabel(order(), at('2026-12-20T12:00:00Z'))).toBe('expired 29 Nov 2026');
	});

	it('says no end date, starts, discharged and expired as they are', () => {
		expect(expiryLabel(order({ expiresAt: null }), at('2026-11-10T12:00:00Z'))).toBe('no end date');
		const later = order({ startsAt: '2026-12-01T09:00:00Z', expiresAt: null });
		expect(expiryLabel(later, at('2026-11-10T12:00:00Z'))).toBe('starts 1 Dec 2026');
		expect(expiryLabel(later, at('2026-12-01T08:00:00Z'))).toBe('starts today at 09:00');
		expect(expiryLabel(order({ status: 'discharged' }), at('2026-11-10T12:00:00Z'))).toBe(
			'discharged'
		);
		expect(
			expiryLabel(order({ status: 'expired', expiresAt: null }), at('2026-11-10T12:00:00Z'))
		).toBe('expired');
	});
});
