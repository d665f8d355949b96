import { describe, expect, it } from 'vitest';
import {
	addTally,
	clusterLabel,
	clusterRisk,
	clusterSize,
	placeSubjects,
	pointStyle,
	tallyOf,
	toMapPoints,
	toMapSubject,
	type MapPalette,
	type MapPoint
} from './map-points';
import { testAddress, testBundle } from './testing';

// 17:00 UTC on 27 Nov 2026 is 17:00 in London (GMT); 22:00 is inside a 19:00–07:00 curfew.
const afternoon = new Date('2026-11-27T17:00:00Z');
const night = new Date('2026-11-27T22:00:00Z');

const withCurfewAway = (status: 'active' | 'expired' = 'active') =>
	testBundle({
		addresses: (s) => [testAddress(s, 'home', 52.13, -0.46), testAddress(s, 'bail', 51.88, -0.42)],
		conditions: (a) => [
			{
				id: '00000000-0000-4000-8000-999999999999',
				wording: 'To remain at the bail address between 19:00 and 07:00',
				type: 'curfew',
				addressId: a[1]!.id,
				start: '19:00',
				end: '07:00',
				days: null
			}
		],
		order: { status }
	});

describe('toMapPoints', () => {
	it('puts each subject at home, with risk and wanted carried over', () => {
		const [p] = toMapPoints([testBundle({ risk: 'high', wanted: true })], afternoon);
		expect(p).toMatchObject({
			lat: 52.13,
			lon: -0.46,
			risk: 'high',
			wanted: true,
			curfewNow: false
		});
		expect(p!.name).toBe('EXAMPLE, Sam');
	});

	it('moves a subject to the curfew address while the curfew is in force, and back after', () => {
		const b = withCurfewAway();
		expect(toMapPoints([b], night)[0]).toMatchObject({ lat: 51.88, curfewNow: true });
		expect(toMapPoints([b], afternoon)[0]).toMatchObject({ lat: 52.13, curfewNow: false });
	});

	it('ignores the curfews of orders no longer in force, by status or by date', () => {
		expect(toMapPoints([withCurfewAway('expired')], night)[0]).toMatchObject({ curfewNow: false });
		const lapsed = withCurfewAway();
		lapsed.orders[0]!.expiresAt = '2026-11-27T21:00:00Z';
		expect(toMapPoints([lapsed], night)[0]).toMatchObject({ curfewNow: false });
	});

	it('keeps only what the map needs, so the whole caseload can be stored as one record', () => {
		const s = toMapSubject(withCurfewAway());
		expect(Object.keys(s).sort()).toEqual([
			'curfews',
			'home',
			'name',
			'risk',
			'subjectId',
			'wanted'
		]);
		expect(s.curfews).toEqual([
			expect.objectContaining({ start: '19:00', end: '07:00', at: { lat: 51.88, lon: -0.42 } })
		]);
		expect(placeSubjects([s, s], night).map((p) => p.curfewNow)).toEqual([true, true]);
	});

	it('uses the first address when there is no home, and skips subjects with none', () => {
		const noHome = testBundle({ addresses: (s) => [testAddress(s, 'workplace', 52.0, -0.5)] });
		const none = testBundle({ addresses: () => [] });
		const points = toMapPoints([noHome, none], afternoon);
		expect(points).toHaveLength(1);
		expect(points[0]).toMatchObject({ lat: 52.0 });
	});
});

const palette: MapPalette = {
	high: 'red',
	medium: 'amber',
	standard: 'green',
	outline: 'navy',
	wanted: 'white',
	curfew: 'blue'
};
const point = (over: Partial<MapPoint> = {}): MapPoint => ({
	subjectId: 's',
	name: 'EXAMPLE, Sam',
	lat: 52,
	lon: -0.4,
	risk: 'standard',
	wanted: false,
	curfewNow: false,
	...over
});

describe('pointStyle', () => {
	it('fills by risk level', () => {
		expect(pointStyle(point({ risk: 'high' }), palette).fillColor).toBe('red');
		expect(pointStyle(point({ risk: 'medium' }), palette).fillColor).toBe('amber');
		expect(pointStyle(point({ risk: 'standard' }), palette).fillColor).toBe('green');
	});

	it('makes wanted subjects larger and ringed, above everything else', () => {
		const wanted = pointStyle(point({ wanted: true, curfewNow: true }), palette);
		const plain = pointStyle(point(), palette);
		expect(wanted.radius).toBeGreaterThan(plain.radius);
		expect(wanted).toMatchObject({ color: 'white', weight: 4 });
	});

	it('rings a subject on curfew now in the curfew colour, and thickens the selected one', () => {
		expect(pointStyle(point({ curfewNow: true }), palette)).toMatchObject({ color: 'blue' });
		expect(pointStyle(point(), palette, true).color).toBe('white');
	});
});

describe('cluster tallies', () => {
	it('add up what a cluster holds and take the colour of its highest risk', () => {
		const t = tallyOf(point({ risk: 'standard' }));
		addTally(t, tallyOf(point({ risk: 'medium', wanted: true })));
		expect(t).toEqual({ high: 0, medium: 1, standard: 1, wanted: 1, curfew: 0 });
		expect(clusterRisk(t)).toBe('medium');
		addTally(t, tallyOf(point({ risk: 'high', curfewNow: true })));
		expect(clusterRisk(t)).toBe('high');
		expect(clusterLabel(3, t)).toBe('3 subjects, 1 high risk, 1 wanted, 1 on curfew now. Zoom in');
	});

	it('are never smaller than a 44 px touch target', () => {
		for (const n of [2, 9, 10, 99, 100, 5000]) expect(clusterSize(n)).toBeGreaterThanOrEqual(44);
	});
});
