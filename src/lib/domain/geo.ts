/**
 * Point-in-zone tests for exclusion zones.
 *
 * Circles compare the haversine distance with the radius. Polygons are projected onto a local
 * equirectangular plane centred on the point being tested: at exclusion-zone scales (a few
 * kilometres) the error is millimetres, and centring on the point keeps the edges that matter (the
 * nearby ones) the most accurate. Inside/outside uses the even-odd rule over every ring, so holes
 * (rings after the first) fall out without special cases, provided they lie inside the outer ring
 * as the schema intends.
 *
 * A point on, or within `toleranceM` of, an edge is 'boundary', never 'outside': the caller treats
 * 'boundary' as a possible breach, because the officer's GPS fix is itself uncertain and a missed
 * breach is worse than a question the officer can answer by looking around.
 */
import type { LatLng } from './common';
import type { ExclusionZoneCondition, Zone } from './condition';

export const EARTH_RADIUS_M = 6_371_008.8;

/** Below this a point counts as on the edge even with zero tolerance (float rounding). */
const ON_EDGE_M = 0.001;

const RAD = Math.PI / 180;

export type ZoneRelation = 'inside' | 'boundary' | 'outside';

/** Zones with geometry. Named streets or premises cannot be tested and are checked by hand. */
export type DrawableZone = Exclude<Zone, { shape: 'named' }>;

/** Great-circle distance in metres on a sphere of the mean Earth radius. */
export function haversineM(a: LatLng, b: LatLng): number {
	const dLat = (b.lat - a.lat) * RAD;
	const dLon = (b.lon - a.lon) * RAD;
	const s =
		Math.sin(dLat / 2) ** 2 +
		Math.cos(a.lat * RAD) * Math.cos(b.lat * RAD) * Math.sin(dLon / 2) ** 2;
	return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(s)));
}

export function pointInZone(point: LatLng, zone: DrawableZone, toleranceM = 0): ZoneRelation {
	const tolerance = Math.max(toleranceM, ON_EDGE_M);
	if (zone.shape === 'circle') {
		const d = haversineM(point, zone.center);
		if (Math.abs(d - zone.radiusM) <= tolerance) return 'boundary';
		return d < zone.radiusM ? 'inside' : 'outside';
	}
	return pointInRings(point, zone.rings, tolerance);
}

function pointInRings(point: LatLng, rings: readonly (readonly LatLng[])[], tolerance: number) {
	const kx = Math.cos(point.lat * RAD) * EARTH_RADIUS_M * RAD;
	const ky = EARTH_RADIUS_M * RAD;
	let inside = false;
	for (const ring of rings) {
		const last = ring[ring.length - 1];
		if (!last) continue;
		// The point is the origin of the projection, so every test below is against (0, 0).
		let x1 = (last.lon - point.lon) * kx;
		let y1 = (last.lat - point.lat) * ky;
		for (const vertex of ring) {
			const x2 = (vertex.lon - point.lon) * kx;
			const y2 = (vertex.lat - point.lat) * ky;
			if (distanceToSegment(x1, y1, x2, y2) <= tolerance) return 'boundary';
			if (y1 > 0 !== y2 > 0 && x1 + ((0 - y1) * (x2 - x1)) / (y2 - y1) > 0) inside = !inside;
			x1 = x2;
			y1 = y2;
		}
	}
	return inside ? 'inside' : 'outside';
}

/** Distance from the origin to the segment (x1,y1)-(x2,y2). */
function distanceToSegment(x1: number, y1: number, x2: number, y2: number): number {
	const dx = x2 - x1;
	const dy = y2 - y1;
	const lengthSq = dx * dx + dy * dy;
	const t = lengthSq === 0 ? 0 : Math.min(1, Math.max(0, -(x1 * dx + y1 * dy) / lengthSq));
	return Math.hypot(x1 + t * dx, y1 + t * dy);
}

export interface ZoneHit {
	condition: ExclusionZoneCondition;
	relation: Exclude<ZoneRelation, 'outside'>;
}

/**
 * The exclusion zones a position is in or on the edge of, for the visit form's "possible breach"
 * warning. Pass the GPS accuracy as `toleranceM` so an uncertain fix near an edge still warns.
 * Named zones are skipped: they have no geometry and the form lists them for a manual check.
 */
export function zonesContaining(
	point: LatLng,
	conditions: readonly ExclusionZoneCondition[],
	toleranceM = 0
): ZoneHit[] {
	const hits: ZoneHit[] = [];
	for (const condition of conditions) {
		const zone = condition.zone;
		if (zone.shape === 'named') continue;
		const relation = pointInZone(point, zone, toleranceM);
		if (relation !== 'outside') hits.push({ condition, relation });
	}
	return hits;
}
