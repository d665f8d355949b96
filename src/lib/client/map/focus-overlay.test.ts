import { describe, expect, it } from 'vitest';
import type { Condition } from '$lib/domain/condition';
import { focusOverlay, overlayExtent, PROTECTED_PREMISES } from './focus-overlay';
import { testAddress, testBundle } from './testing';

const night = new Date('2026-11-27T22:00:00Z');
const afternoon = new Date('2026-11-27T15:00:00Z');
let k = 0;
const cid = () => `00000000-0000-4000-9000-${String(++k).padStart(12, '0')}`;

const circle = (protectedPremises: boolean): Condition => ({
	id: cid(),
	wording: 'Not to enter the area within 300 metres of 4 Secret Close',
	type: 'exclusion-zone',
	label: protectedPremises ? '4 Secret Close, home of the protected person' : 'Bedford town centre',
	zone: { shape: 'circle', center: { lat: 52.136, lon: -0.467 }, radiusM: 300 },
	protectedPremises
});

const square: Condition = {
	id: cid(),
	wording: 'Not to enter Luton town centre',
	type: 'exclusion-zone',
	label: 'Luton town centre',
	zone: {
		shape: 'polygon',
		rings: [
			[
				{ lat: 51.87, lon: -0.43 },
				{ lat: 51.89, lon: -0.43 },
				{ lat: 51.89, lon: -0.41 },
				{ lat: 51.87, lon: -0.41 }
			]
		]
	},
	protectedPremises: false
};

const named = (protectedPremises: boolean): Condition => ({
	id: cid(),
	wording: 'Not to go to the premises',
	type: 'exclusion-zone',
	label: 'Elm Street',
	zone: { shape: 'named', description: protectedPremises ? '4 Secret Close' : 'Elm Street' },
	protectedPremises
});

describe('focusOverlay', () => {
	it('draws circle and polygon zones, and lists named ones', () => {
		const o = focusOverlay(
			testBundle({ conditions: () => [circle(false), square, named(false)] }),
			afternoon
		);
		expect(o.zones.map((z) => [z.shape, z.label])).toEqual([
			['circle', 'Bedford town centre'],
			['polygon', 'Luton town centre']
		]);
		expect(o.namedZones).toEqual(['Elm Street']);
	});

	it('calls protected premises only "Protected premises", never by their label', () => {
		const o = focusOverlay(
			testBundle({ conditions: () => [circle(true), named(true)] }),
			afternoon
		);
		expect(o.zones[0]!.label).toBe(PROTECTED_PREMISES);
		expect(o.namedZones).toEqual([PROTECTED_PREMISES]);
		expect(JSON.stringify(o)).not.toContain('Secret');
	});

	it('leaves out the zones of orders not in force', () => {
		const o = focusOverlay(
			testBundle({ conditions: () => [circle(false)], order: { status: 'discharged' } }),
			afternoon
		);
		expect(o.zones).toEqual([]);
	});

	it('marks the curfew address only while the curfew is in force, with its end time', () => {
		const b = testBundle({
			addresses: (s) => [
				testAddress(s, 'home', 52.13, -0.46),
				testAddress(s, 'curfew', 52.1, -0.5)
			],
			conditions: (a) => [
				{
					id: cid(),
					wording: 'Curfew',
					type: 'curfew',
					addressId: a[1]!.id,
					start: '19:00',
					end: '07:00',
					days: null
				}
			]
		});
		expect(focusOverlay(b, afternoon).curfews).toEqual([]);
		const [c] = focusOverlay(b, night).curfews;
		expect(c).toMatchObject({ location: { lat: 52.1, lon: -0.5 }, label: 'Curfew until 07:00' });
	});

	it('spans addresses and zones when the view is fitted to it', () => {
		const o = focusOverlay(testBundle({ conditions: () => [circle(false), square] }), afternoon);
		const lats = overlayExtent(o).map((p) => p.lat);
		expect(Math.max(...lats)).toBeGreaterThan(52.138);
		expect(Math.min(...lats)).toBeCloseTo(51.87);
	});
});
