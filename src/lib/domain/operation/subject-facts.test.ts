import { describe, expect, it } from 'vitest';
import type { Order } from '../order';
import type { Address, Subject } from '../subject';
import { defaultOperationalDay, shiftWindow } from './operational-day';
import { planningRow, subjectFacts } from './subject-facts';

const SUBJECT: Subject = {
	id: '00000000-0000-4000-8000-000000000001',
	givenName: 'Alex',
	familyName: 'Example',
	aliases: [],
	dateOfBirth: '1990-01-01',
	photoUrl: null,
	risk: 'high',
	warnings: ['violence'],
	wanted: null,
	updatedAt: '2026-11-01T00:00:00Z'
};
const HOME: Address = {
	id: '00000000-0000-4000-8000-000000000002',
	subjectId: SUBJECT.id,
	kind: 'home',
	lines: ['1 Test Street'],
	town: 'Bedford',
	postcode: 'MK40 1AA',
	location: { lat: 52.13, lon: -0.46 },
	accessNotes: ''
};
const order = (over: Partial<Order>): Order => ({
	id: '00000000-0000-4000-8000-000000000003',
	subjectId: SUBJECT.id,
	type: 'DVPO',
	issuer: 'Bedford Magistrates',
	reference: 'DVPO-1',
	startsAt: '2026-11-20T00:00:00Z',
	expiresAt: '2026-12-05T00:00:00Z',
	status: 'active',
	version: 1,
	conditions: [
		{
			id: '00000000-0000-4000-8000-000000000004',
			wording: 'Curfew',
			type: 'curfew',
			addressId: HOME.id,
			start: '19:00',
			end: '07:00',
			days: null
		}
	],
	...over
});

const night = { date: '2026-12-01', ...shiftWindow('2026-12-01', 'night') };
const extra = { lastVisit: null, openBreaches: 0, assignment: null };

describe('planning row', () => {
	it('lists orders expiring soon and curfews in force during the shift', () => {
		const row = planningRow(
			subjectFacts(SUBJECT, [HOME], [order({})]),
			night,
			extra,
			defaultOperationalDay
		);
		expect(row.name).toBe('EXAMPLE, Alex');
		expect(row.ordersExpiringSoon).toHaveLength(1);
		expect(row.curfews).toEqual([
			{ start: '2026-12-01T19:00:00.000Z', end: '2026-12-02T07:00:00.000Z' }
		]);
	});

	it('leaves out discharged orders and orders far from expiry', () => {
		const far = order({ expiresAt: '2027-06-01T00:00:00Z' });
		const gone = order({ status: 'discharged', id: '00000000-0000-4000-8000-000000000005' });
		const row = planningRow(
			subjectFacts(SUBJECT, [HOME], [far, gone]),
			night,
			extra,
			defaultOperationalDay
		);
		expect(row.ordersExpiringSoon).toEqual([]);
		expect(row.curfews).toHaveLength(1);
	});

	it('counts days since the last check by operational day', () => {
		const lastVisit = {
			at: '2026-11-29T02:00:00Z',
			officerId: SUBJECT.id,
			officerName: 'PC Test',
			result: 'seen' as const
		};
		// 02:00 on the 29th belongs to the night of the 28th: three days before the 1st.
		const row = planningRow(
			subjectFacts(SUBJECT, [HOME], []),
			night,
			{ ...extra, lastVisit },
			defaultOperationalDay
		);
		expect(row.daysSinceLastCheck).toBe(3);
	});
});
