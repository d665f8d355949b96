import type { z } from 'zod';
import type { positionSchema, positionStateSchema } from '$lib/domain/visit';

export type PositionState = z.infer<typeof positionStateSchema>;
export type PositionFix = z.infer<typeof positionSchema>;

/** A browser position as the app keeps one (the shape a visit records). */
export function toPositionFix(p: GeolocationPosition): PositionFix {
	return {
		lat: p.coords.latitude,
		lon: p.coords.longitude,
		accuracyM: Math.round(p.coords.accuracy),
		at: new Date(p.timestamp).toISOString()
	};
}

/** One GPS fix, or why there is none: the form shows the state and the visit records it. */
export function currentPosition(
	timeoutMs = 15_000
): Promise<{ state: PositionState; fix: PositionFix | null }> {
	if (!('geolocation' in navigator)) return Promise.resolve({ state: 'unavailable', fix: null });
	return new Promise((resolve) => {
		navigator.geolocation.getCurrentPosition(
			(p) => resolve({ state: 'recorded', fix: toPositionFix(p) }),
			(err) =>
				resolve({
					state:
						err.code === err.PERMISSION_DENIED
							? 'denied'
							: err.code === err.TIMEOUT
								? 'timeout'
								: 'unavailable',
					fix: null
				}),
			{ enableHighAccuracy: true, timeout: timeoutMs, maximumAge: 60_000 }
		);
	});
}
