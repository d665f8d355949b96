/**
 * The travel figures a route is planned with: road times from the configured OSRM service when
 * it answers, else great-circle distance × circuity at a steady speed. The fallback is quiet (the
 * officer still gets a route) but never hidden: the plan records which model it used and why.
 */
import type { LatLng } from '$lib/domain/common';
import {
	DEFAULT_CIRCUITY,
	DEFAULT_SPEED_KMH,
	haversineMatrix,
	travelTimeMatrix,
	type Matrix
} from '$lib/domain/route';
import type { TravelMatrices } from '$lib/domain/route-plan';
import { osrmTable, OsrmError, type OsrmFailure } from './osrm';

export interface TravelOptions {
	osrmUrl: string | null;
	/** The browser's belief; when false we do not even try the road service. */
	online: boolean;
	fetch?: typeof fetch;
	timeoutMs?: number;
}

const fallbackNotes: Record<OsrmFailure | 'offline', string> = {
	offline: 'road times unavailable offline',
	timeout: 'the road service did not answer in time',
	unreachable: 'the road service could not be reached',
	'http-error': 'the road service refused the request',
	'bad-response': 'the road service sent an unexpected answer',
	'too-large': 'too many stops for the road service'
};

export async function travelMatrices(
	points: readonly LatLng[],
	options: TravelOptions
): Promise<TravelMatrices> {
	if (!options.osrmUrl) return greatCircle(points, null);
	if (!options.online) return greatCircle(points, fallbackNotes.offline);
	try {
		const table = await osrmTable(options.osrmUrl, points, options);
		return { model: 'road', note: null, ...table };
	} catch (e) {
		const code = e instanceof OsrmError ? e.code : 'bad-response';
		return greatCircle(points, fallbackNotes[code]);
	}
}

export function greatCircle(points: readonly LatLng[], note: string | null): TravelMatrices {
	const distance = haversineMatrix(points, DEFAULT_CIRCUITY);
	return {
		model: 'great-circle',
		note,
		distanceM: rows(distance),
		travelMin: rows(travelTimeMatrix(distance, DEFAULT_SPEED_KMH))
	};
}

function rows({ n, data }: Matrix): number[][] {
	return Array.from({ length: n }, (_, i) => Array.from(data.subarray(i * n, (i + 1) * n)));
}
