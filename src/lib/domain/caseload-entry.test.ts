import { describe, expect, it } from 'vitest';
import type { SubjectBundle } from './caseload';
import { curfewInForceNow } from './caseload-marks';
import { caseloadEntry, caseloadEntrySchema } from './caseload-entry';
import type { Condition } from './condition';
import type { Order } from './order';
import type { Address } from './subject';
import { uuid } from './testing';

const SUBJECT = uuid(1);

function address(kind: Address['kind'], n: number): Address {
	return {
		id: uuid(10 + n),
		subjectId: SUBJECT,
		kind,
		lines: [`${n} Tavistock Street`, 'Flat 2'],
		town: 'Bedford',
		postcode: 'MK40 3TQ',
		location: { lat: 52.14, lon: -0.47 },
		accessNotes: 'Side gate; dog in the yard'
	};
}

const curfew = (n: number, start: string, end: string): Condition => ({
	id: uuid(20 + n),
	type: 'curfew',
	addressId: uuid(11),
	start,
	end,
	days: null,
	wording: `Curfew ${start} to ${end}`
});
const noContact: Condition = {
	id: uuid(30),
	type: 'no-contact',
	protectedPersonRef: 'PP-7K2Q9',
	direct: true,
	indirect: true,
	wording: 'No contact with PP-7K2Q9'
};

function order(n: number, conditions: Condition[], over: Partial<Order> = {}): Order {
	return {
		id: uuid(40 + n),
		subjectId: SUBJECT,
		type: 'pre-charge-bail',
		issuer: 'Bedfordshire Police',
		reference: `BAIL-${n}`,
		version: 1,
		status: 'active',
		startsAt: '2026-11-01T00:00:00Z',
		expiresAt: null,
		conditions,
		...over
	};
}

function bundle(addresses: Address[], orders: Order[]): SubjectBundle {
	return {
		subject: {
			id: SUBJECT,
			givenName: 'Daniel',
			familyName: 'Walsh',
			aliases: ['Danny Walsh'],
			dateOfBirth: '1988-04-02',
			photoUrl: null,
			risk: 'high',
			warnings: ['dogs'],
			wanted: null,
			updatedAt: '2026-11-20T10:00:00Z'
		},
		addresses,
		orders,
		assignment: {
			id: uuid(50),
			subjectId: SUBJECT,
			officerId: uuid(51),
			date: '2026-11-27',
			operation: 'Op Lantern',
			priority: 2
		}
	};
}

const orders = [
	// A curfew across midnight beside a condition the row does not draw.
	order(1, [noContact, curfew(1, '19:00', '07:00')]),
	// Ends during the week below: in force, then not.
	order(2, [curfew(2, '12:00', '14:00')], { expiresAt: '2026-11-30T00:00:00Z' }),
	// Discharged: never in force.
	order(3, [curfew(3, '09:00', '11:00')], { status: 'discharged' }),
	order(4, [noContact])
];

describe('caseloadEntry', () => {
	it('holds what a caseload row draws: the subject, the home address as a line, the priority', () => {
		const b = bundle([address('bail', 1), address('home', 2)], orders);
		const entry = caseloadEntrySchema.parse(caseloadEntry(b));
		expect(entry.subject).toEqual(b.subject);
		expect(entry.priority).toBe(2);
		expect(entry.homeLine).toBe('2 Tavistock Street, Flat 2, Bedford MK40 3TQ');
		// No home held: the first address; none at all: null.
		expect(caseloadEntry(bundle([address('bail', 1)], [])).homeLine).toMatch(/^1 Tavistock/);
		expect(caseloadEntry(bundle([], [])).homeLine).toBeNull();
	});

	it('keeps only orders with a curfew, and only their curfew conditions', () => {
		const entry = caseloadEntry(bundle([], orders));
		expect(entry.orders.map((o) => o.reference)).toEqual(['BAIL-1', 'BAIL-2', 'BAIL-3']);
		expect(entry.orders.flatMap((o) => o.conditions.map((c) => c.id))).toEqual(
			[1, 2, 3].map((n) => uuid(20 + n))
		);
	});

	it('says "curfew in force now" exactly when the whole bundle does, every half hour for a week', () => {
		const b = bundle([address('home', 1)], orders);
		const entry = caseloadEntry(b);
		const answers = new Set<boolean>();
		for (let t = Date.parse('2026-11-26T00:10:00Z'); t < Date.parse('2026-12-03'); t += 1_800_000) {
			const at = new Date(t);
			const whole = curfewInForceNow(b, at);
			expect(curfewInForceNow(entry, at)).toBe(whole);
			answers.add(whole);
		}
		// Both answers occur, so the comparison could have failed either way.
		expect(answers).toEqual(new Set([true, false]));
	});
});
