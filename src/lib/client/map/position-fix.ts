import type { PositionFix } from '../media/position';

/** A browser position as the app keeps one (the shape a visit records). */
export function toPositionFix(p: GeolocationPosition): PositionFix {
	return {
		lat: p.coords.latitude,
		lon: p.coords.longitude,
		accuracyM: Math.round(p.coords.accuracy),
		at: new Date(p.timestamp).toISOString()
	};
}
