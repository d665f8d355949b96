import type { LatLng } from './common';
import type { Zone } from './condition';
import { EARTH_RADIUS_M, haversineM } from './geo';

/**
 * Protected premises stay off the device. A zone drawn around a protected person's premises
 * is sent to devices as a covering circle: its centre moved by up to MAX_ZONE_OFFSET_M in a
 * direction and distance fixed per zone, its radius grown by MAX_ZONE_OFFSET_M (the maximum,
 * not the actual move: growing by the actual distance would tell the finder how far the centre
 * moved). So the true zone always lies inside the covering circle, and all a device holds is
 * that the premises are somewhere in a disc of radius MAX_ZONE_OFFSET_M around its centre.
 *
 * The move comes from HMAC(server secret, zone's condition id), so every pull gets the same
 * circle: averaging many pulls gives nothing. A device's "inside" is a possible breach; the
 * server repeats the exact check on the true zone when the visit arrives.
 */
export const MAX_ZONE_OFFSET_M = 500;

const RAD = Math.PI / 180;

/** The point `distanceM` from `from` on the initial bearing `bearingRad` (spherical Earth). */
export function destination(from: LatLng, bearingRad: number, distanceM: number): LatLng {
	const d = distanceM / EARTH_RADIUS_M;
	const lat1 = from.lat * RAD;
	const lon1 = from.lon * RAD;
	const lat2 = Math.asin(
		Math.sin(lat1) * Math.cos(d) + Math.cos(lat1) * Math.sin(d) * Math.cos(bearingRad)
	);
	const lon2 =
		lon1 +
		Math.atan2(
			Math.sin(bearingRad) * Math.sin(d) * Math.cos(lat1),
			Math.cos(d) - Math.sin(lat1) * Math.sin(lat2)
		);
	return { lat: lat2 / RAD, lon: ((lon2 / RAD + 540) % 360) - 180 };
}

/** A circle containing the zone: the circle itself, or around a polygon's outer ring. */
export function enclosingCircle(zone: Exclude<Zone, { shape: 'named' }>): {
	center: LatLng;
	radiusM: number;
} {
	if (zone.shape === 'circle') return { center: zone.center, radiusM: zone.radiusM };
	const outer = zone.rings[0] ?? [];
	const center = {
		lat: outer.reduce((s, p) => s + p.lat, 0) / Math.max(1, outer.length),
		lon: outer.reduce((s, p) => s + p.lon, 0) / Math.max(1, outer.length)
	};
	const radiusM = Math.max(1, ...outer.map((p) => haversineM(center, p)));
	return { center, radiusM };
}

/**
 * The covering circle for a zone, from 8 pseudo-random bytes: the first four give the
 * bearing, the next four the distance (square root, so the move is uniform over the disc).
 */
export function coverZone(zone: Zone, random: Uint8Array, maxOffsetM = MAX_ZONE_OFFSET_M): Zone {
	if (zone.shape === 'named') return zone;
	const view = new DataView(random.buffer, random.byteOffset, random.byteLength);
	const bearing = (view.getUint32(0) / 2 ** 32) * 2 * Math.PI;
	const distance = Math.sqrt(view.getUint32(4) / 2 ** 32) * maxOffsetM;
	const { center, radiusM } = enclosingCircle(zone);
	return {
		shape: 'circle',
		center: destination(center, bearing, distance),
		// A metre more than the exact sum: rounding must never leave the true zone poking out.
		radiusM: Math.min(50_000, Math.ceil(radiusM + maxOffsetM + 1))
	};
}
