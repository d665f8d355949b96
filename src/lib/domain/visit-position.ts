import type { LatLng } from './common';
import { formatDistance } from './describe-condition';
import { haversineM } from './geo';

/**
 * How far a visit's GPS fix is from the address being visited. A fix is "far" when, even
 * allowing for its stated accuracy, it is more than FAR_FROM_ADDRESS_M from the address:
 * 250 m is more than a large block or a long drive, yet well short of the next street over,
 * so a fix taken at the door never warns and a fix taken elsewhere (the wrong address, or a
 * stale fix from the car park at the station) always does.
 */
export const FAR_FROM_ADDRESS_M = 250;

export interface FixDistance {
	distanceM: number;
	/** Beyond the fix's accuracy circle: what is compared with the threshold. */
	beyondAccuracyM: number;
	far: boolean;
	text: string;
}

export function fixDistance(fix: LatLng & { accuracyM: number }, address: LatLng): FixDistance {
	const distanceM = haversineM(fix, address);
	const beyondAccuracyM = Math.max(0, distanceM - fix.accuracyM);
	const far = beyondAccuracyM > FAR_FROM_ADDRESS_M;
	return {
		distanceM,
		beyondAccuracyM,
		far,
		text: `${formatDistance(distanceM)} from the address`
	};
}
