import { describe, expect, it } from 'vitest';
import { curfewInForceNow, warningLabels } from './caseload-marks';
import type { Order } from './order';
import { warningMarkers } from './subject';
import { uuid } from './testing';

function curfewOrder(over: Partial<Order> = {}): Order {
	return {
		id: uuid(1),
		subjectId: uuid(2),
		type: 'pre-charge-bail',
		issuer: 'Bedfordshire Police',
		reference: 'BAIL-1',
		version: 1,
		status: 'active',
		startsAt: '2026-11-01T00:00:00Z',
		expiresAt: null,
		conditions: [
			{
				id: uuid(3),
				type: 'curfew',
				addressId: uuid(4),
				start: '19:00',
				end: '07:00',
				days: null,
				wording: 'Curfew 19:00 to 07:00'
			}
		],
		...over
	};
}

describe('curfewInForceNow', () => {
	it('is true inside a window of an order in force, across midnight', () => {
		const order = curfewOrder();
		expect(curfewInForceNow({ orders: [order] }, new Date('2026-12-01T23:30:00Z'))).toBe(true);
		expect(curfewInForceNow({ orders: [order] }, new Date('2026-12-02T06:59:00Z'))).toBe(true);
	});

	it('is false outside the window, for a discharged order, and with no curfew', () => {
		const at = new Date('2026-12-01T12:00:00Z');
		expect(curfewInForceNow({ orders: [curfewOrder()] }, at)).toBe(false);
		const night = new Date('2026-12-01T23:30:00Z');
		expect(curfewInForceNow({ orders: [curfewOrder({ status: 'discharged' })] }, night)).toBe(
			false
		);
		expect(curfewInForceNow({ orders: [] }, night)).toBe(false);
	});
});

it('names every warning marker', () => {
	for (const w of warningMarkers) expect(warningLabels[w]).toMatch(/^[A-Z]/);
});
