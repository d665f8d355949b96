import { describe, expect, it } from 'vitest';
import { conditionSchema } from './condition';
import { conditionTypeLabel, describeCondition } from './describe-condition';

const ADDRESS_ID = '3b9e7d2c-1a4f-4e6b-8c5d-9f0a1b2c3d4e';
const ctx = {
	addressLabel: (id: string) => (id === ADDRESS_ID ? '12 Elm Road, Bedford' : 'unknown address')
};
const base = { id: '6f1c2a4e-8b1d-4c3e-9a7f-0d2b5e6c7a81', wording: 'As worded by the court' };

const describeParsed = (fields: Record<string, unknown>) =>
	describeCondition(conditionSchema.parse({ ...base, ...fields }), ctx);

const curfew = (start: string, end: string, days: number[] | null) =>
	describeParsed({ type: 'curfew', addressId: ADDRESS_ID, start, end, days });

describe('describeCondition: curfew', () => {
	it('says every night for an overnight curfew on all days', () => {
		expect(curfew('19:00', '07:00', null)).toBe(
			'Curfew 19:00–07:00 every night at 12 Elm Road, Bedford'
		);
		expect(curfew('19:00', '07:00', [7, 1, 2, 3, 4, 5, 6])).toBe(
			'Curfew 19:00–07:00 every night at 12 Elm Road, Bedford'
		);
	});

	it('says every day for a daytime curfew', () => {
		expect(curfew('09:00', '17:00', null)).toBe(
			'Curfew 09:00–17:00 every day at 12 Elm Road, Bedford'
		);
	});

	it('lists the days a window starts, sorted, with runs as ranges', () => {
		expect(curfew('20:00', '06:00', [6, 5])).toBe(
			'Curfew 20:00–06:00 on Fri, Sat at 12 Elm Road, Bedford'
		);
		expect(curfew('20:00', '06:00', [1, 2, 3, 4, 5])).toBe(
			'Curfew 20:00–06:00 on Mon–Fri at 12 Elm Road, Bedford'
		);
		expect(curfew('20:00', '06:00', [1, 3, 4, 5, 7])).toBe(
			'Curfew 20:00–06:00 on Mon, Wed–Fri, Sun at 12 Elm Road, Bedford'
		);
	});

	it('describes whole-day curfews', () => {
		expect(curfew('00:00', '00:00', [6, 7])).toBe(
			'Curfew all day on Sat, Sun at 12 Elm Road, Bedford'
		);
		expect(curfew('19:00', '19:00', null)).toBe(
			'Curfew 24 hours from 19:00 every day at 12 Elm Road, Bedford'
		);
	});
});

describe('describeCondition: no contact', () => {
	const noContact = (direct: boolean, indirect: boolean) =>
		describeParsed({ type: 'no-contact', protectedPersonRef: 'PP-7K2Q9', direct, indirect });

	it('names the protected person only by reference', () => {
		expect(noContact(true, true)).toBe('Must not contact PP-7K2Q9, directly or indirectly');
		expect(noContact(true, false)).toBe('Must not contact PP-7K2Q9 directly');
		expect(noContact(false, true)).toBe('Must not contact PP-7K2Q9 indirectly');
		expect(noContact(false, false)).toBe(
			"Contact with PP-7K2Q9 is restricted: see the court's wording"
		);
	});
});

describe('describeCondition: exclusion zone', () => {
	const circle = { shape: 'circle', center: { lat: 52.136, lon: -0.467 }, radiusM: 200 };
	const polygon = {
		shape: 'polygon',
		rings: [
			[
				{ lat: 51.88, lon: -0.42 },
				{ lat: 51.88, lon: -0.41 },
				{ lat: 51.87, lon: -0.41 }
			]
		]
	};
	const zone = (label: string, z: unknown, protectedPremises: boolean) =>
		describeParsed({ type: 'exclusion-zone', label, zone: z, protectedPremises });

	it('calls protected premises only that, never by label or description', () => {
		expect(zone('Home of Jane Example, 4 Oak Street', circle, true)).toBe(
			'Must not enter protected premises zone (200 m around a point)'
		);
		expect(zone('Home of Jane Example', polygon, true)).toBe(
			'Must not enter protected premises zone (area marked on the map)'
		);
		const named = zone(
			'Jane Example',
			{ shape: 'named', description: '4 Oak Street, Sandy' },
			true
		);
		expect(named).toBe('Must not enter protected premises');
		expect(named).not.toMatch(/Jane|Oak/);
	});

	it('names other zones with their extent', () => {
		expect(zone('Luton town centre', { ...circle, radiusM: 1500 }, false)).toBe(
			'Must not enter Luton town centre (1.5 km around a point)'
		);
		expect(zone('Dunstable market', polygon, false)).toBe(
			'Must not enter Dunstable market (area marked on the map)'
		);
		expect(
			zone('High Street', { shape: 'named', description: 'High Street, Biggleswade' }, false)
		).toBe('Must not enter High Street (High Street, Biggleswade)');
	});
});

describe('describeCondition: other types', () => {
	it('describes residence, reporting, tags, requirements and free text', () => {
		expect(describeParsed({ type: 'residence', addressId: ADDRESS_ID })).toBe(
			'Must live and sleep at 12 Elm Road, Bedford'
		);
		expect(
			describeParsed({
				type: 'reporting',
				station: 'Bedford Police Station',
				days: [1, 3, 5],
				from: '10:00',
				until: '12:00'
			})
		).toBe('Must report to Bedford Police Station on Mon, Wed, Fri between 10:00 and 12:00');
		expect(describeParsed({ type: 'electronic-monitoring', kind: 'alcohol-tag' })).toBe(
			'Must wear an alcohol tag (electronic monitoring)'
		);
		expect(describeParsed({ type: 'electronic-monitoring', kind: 'gps-tag' })).toBe(
			'Must wear a GPS tag (electronic monitoring)'
		);
		expect(
			describeParsed({
				type: 'positive-requirement',
				requirement: 'Attend a domestic abuse perpetrator programme'
			})
		).toBe('Positive requirement: Attend a domestic abuse perpetrator programme');
		expect(describeParsed({ type: 'other' })).toBe('As worded by the court');
	});
});

describe('conditionTypeLabel', () => {
	it('labels each type', () => {
		expect(conditionTypeLabel('no-contact')).toBe('No contact');
		expect(conditionTypeLabel('exclusion-zone')).toBe('Exclusion zone');
		expect(conditionTypeLabel('electronic-monitoring')).toBe('Electronic monitoring');
		expect(conditionTypeLabel('other')).toBe('Other condition');
	});
});
