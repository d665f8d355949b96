import { describe, expect, it } from 'vitest';
import type { LatLng } from './common';
import { exclusionZoneConditionSchema, type ExclusionZoneCondition } from './condition';
import { EARTH_RADIUS_M, haversineM, pointInZone, zonesContaining, type DrawableZone } from './geo';

const BEDFORD: LatLng = { lat: 52.136, lon: -0.467 };
const LUTON: LatLng = { lat: 51.879, lon: -0.417 };
const M_PER_DEG_LAT = (Math.PI / 180) * EARTH_RADIUS_M;

/** A point `metres` north (negative: south) and east (negative: west) of `from`. */
function offset(from: LatLng, north: number, east = 0): LatLng {
	const lat = from.lat + north / M_PER_DEG_LAT;
	const lon = from.lon + east / (M_PER_DEG_LAT * Math.cos((from.lat * Math.PI) / 180));
	return { lat, lon };
}

/** A polygon from [east, north] metre offsets around `origin`. */
function ring(origin: LatLng, corners: [number, number][]): LatLng[] {
	return corners.map(([east, north]) => offset(origin, north, east));
}

describe('haversineM', () => {
	it('gives one degree of latitude as 1/360 of the circumference', () => {
		expect(haversineM({ lat: 52, lon: -0.4 }, { lat: 53, lon: -0.4 })).toBeCloseTo(
			M_PER_DEG_LAT,
			3
		);
	});

	it('measures Bedford to Luton at about 28.8 km, the same both ways', () => {
		const d = haversineM(BEDFORD, LUTON);
		expect(d).toBeGreaterThan(28_700);
		expect(d).toBeLessThan(28_900);
		expect(haversineM(LUTON, BEDFORD)).toBe(d);
		expect(haversineM(BEDFORD, BEDFORD)).toBe(0);
	});
});

describe('pointInZone: circle', () => {
	const zone: DrawableZone = { shape: 'circle', center: BEDFORD, radiusM: 500 };

	it('tells inside from outside', () => {
		expect(pointInZone(offset(BEDFORD, 100, 100), zone)).toBe('inside');
		expect(pointInZone(offset(BEDFORD, -450), zone)).toBe('inside');
		expect(pointInZone(LUTON, zone)).toBe('outside');
		expect(pointInZone(offset(BEDFORD, 0, 600), zone)).toBe('outside');
	});

	it('puts a point exactly on the circle on the boundary', () => {
		expect(pointInZone(offset(BEDFORD, 500), zone)).toBe('boundary');
	});

	it('uses the tolerance a few metres either side of the edge', () => {
		const justIn = offset(BEDFORD, 0, -497);
		const justOut = offset(BEDFORD, 0, -503);
		expect(pointInZone(justIn, zone)).toBe('inside');
		expect(pointInZone(justOut, zone)).toBe('outside');
		expect(pointInZone(justIn, zone, 5)).toBe('boundary');
		expect(pointInZone(justOut, zone, 5)).toBe('boundary');
		expect(pointInZone(offset(BEDFORD, 0, -510), zone, 5)).toBe('outside');
	});
});

describe('pointInZone: polygon', () => {
	// A U open to the north around Luton: 1 km square with a 400 m wide notch cut from the top.
	const u: DrawableZone = {
		shape: 'polygon',
		rings: [
			ring(LUTON, [
				[-500, -500],
				[500, -500],
				[500, 500],
				[200, 500],
				[200, 0],
				[-200, 0],
				[-200, 500],
				[-500, 500]
			])
		]
	};

	it('handles a concave polygon: arms inside, notch outside', () => {
		expect(pointInZone(offset(LUTON, 300, -350), u)).toBe('inside');
		expect(pointInZone(offset(LUTON, 300, 350), u)).toBe('inside');
		expect(pointInZone(offset(LUTON, -300), u)).toBe('inside');
		expect(pointInZone(offset(LUTON, 300), u)).toBe('outside');
		expect(pointInZone(offset(LUTON, 0, 800), u)).toBe('outside');
	});

	it('is not fooled when the test ray passes through vertices', () => {
		// Same latitude as the notch floor's two vertices (north offset 0).
		expect(pointInZone(offset(LUTON, 0, -350), u)).toBe('inside');
		expect(pointInZone(offset(LUTON, 0, -700), u)).toBe('outside');
		expect(pointInZone(offset(LUTON, 500, -700), u)).toBe('outside');
	});

	it('counts a point exactly on an edge or vertex as boundary, never outside', () => {
		expect(pointInZone(offset(LUTON, -500), u)).toBe('boundary');
		expect(pointInZone(offset(LUTON, 0, 200), u)).toBe('boundary');
		expect(pointInZone(u.rings[0]![3]!, u)).toBe('boundary');
	});

	it('uses the tolerance a few metres either side of an edge', () => {
		const justIn = offset(LUTON, -497);
		const justOut = offset(LUTON, -503);
		expect(pointInZone(justIn, u)).toBe('inside');
		expect(pointInZone(justOut, u)).toBe('outside');
		expect(pointInZone(justIn, u, 5)).toBe('boundary');
		expect(pointInZone(justOut, u, 5)).toBe('boundary');
		expect(pointInZone(offset(LUTON, -508), u, 5)).toBe('outside');
	});

	it('treats later rings as holes', () => {
		const withHole: DrawableZone = {
			shape: 'polygon',
			rings: [
				ring(BEDFORD, [
					[-800, -800],
					[800, -800],
					[800, 800],
					[-800, 800]
				]),
				ring(BEDFORD, [
					[-200, -200],
					[200, -200],
					[200, 200],
					[-200, 200]
				])
			]
		};
		expect(pointInZone(BEDFORD, withHole)).toBe('outside');
		expect(pointInZone(offset(BEDFORD, 500, 500), withHole)).toBe('inside');
		expect(pointInZone(offset(BEDFORD, 0, 200), withHole)).toBe('boundary');
		expect(pointInZone(offset(BEDFORD, 0, 197), withHole)).toBe('outside');
		expect(pointInZone(offset(BEDFORD, 0, 197), withHole, 5)).toBe('boundary');
		expect(pointInZone(offset(BEDFORD, 0, 203), withHole)).toBe('inside');
		expect(pointInZone(offset(BEDFORD, 0, 1000), withHole)).toBe('outside');
	});

	it('accepts a triangle whose rings are given clockwise or anticlockwise', () => {
		const corners: [number, number][] = [
			[0, 0],
			[1000, 0],
			[0, 1000]
		];
		const inside = offset(BEDFORD, 200, 200);
		for (const rings of [[ring(BEDFORD, corners)], [ring(BEDFORD, corners).reverse()]]) {
			expect(pointInZone(inside, { shape: 'polygon', rings })).toBe('inside');
			expect(pointInZone(offset(BEDFORD, 600, 600), { shape: 'polygon', rings })).toBe('outside');
		}
	});
});

describe('zonesContaining', () => {
	function condition(label: string, zone: ExclusionZoneCondition['zone']): ExclusionZoneCondition {
		return exclusionZoneConditionSchema.parse({
			id: crypto.randomUUID(),
			wording: `Not to enter ${label}`,
			type: 'exclusion-zone',
			label,
			zone,
			protectedPremises: false
		});
	}

	const townCentre = condition('Bedford town centre', {
		shape: 'circle',
		center: BEDFORD,
		radiusM: 400
	});
	const street = condition('High Street', {
		shape: 'polygon',
		rings: [
			ring(BEDFORD, [
				[-20, -300],
				[20, -300],
				[20, 300],
				[-20, 300]
			])
		]
	});
	const named = condition('The Arcade', { shape: 'named', description: 'Shopping arcade' });
	const all = [townCentre, street, named];

	it('lists every zone the point is in, with its relation, and skips named zones', () => {
		const hits = zonesContaining(offset(BEDFORD, 100), all);
		expect(hits.map((h) => [h.condition.label, h.relation])).toEqual([
			['Bedford town centre', 'inside'],
			['High Street', 'inside']
		]);
	});

	it('reports boundary hits as possible breaches, using the GPS accuracy as tolerance', () => {
		const nearEdge = offset(BEDFORD, 0, 395);
		expect(zonesContaining(nearEdge, all).map((h) => h.relation)).toEqual(['inside']);
		expect(zonesContaining(offset(BEDFORD, 0, 410), all)).toEqual([]);
		expect(zonesContaining(offset(BEDFORD, 0, 410), all, 15).map((h) => h.relation)).toEqual([
			'boundary'
		]);
	});

	it('returns nothing far from every zone', () => {
		expect(zonesContaining(LUTON, all)).toEqual([]);
	});
});
