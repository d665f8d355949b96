/**
 * Road distances and times from an OSRM-compatible `table` service
 * (http://project-osrm.org/docs/v5.24.0/api/#table-service). Any failure is an OsrmError: the
 * caller falls back to the great-circle model, so a dead or slow router never blocks planning.
 */
import { z } from 'zod';
import type { LatLng } from '$lib/domain/common';

/** OSRM's default --max-table-size; larger tables are refused by most deployments. */
export const MAX_OSRM_POINTS = 100;
export const OSRM_TIMEOUT_MS = 4000;

export type OsrmFailure = 'timeout' | 'unreachable' | 'http-error' | 'bad-response' | 'too-large';

export class OsrmError extends Error {
	constructor(
		readonly code: OsrmFailure,
		message: string
	) {
		super(message);
	}
}

/** Unreachable pairs come back as null: we refuse the table rather than guess those legs. */
const tableSchema = z.object({
	code: z.literal('Ok'),
	durations: z.array(z.array(z.number().nonnegative())),
	distances: z.array(z.array(z.number().nonnegative()))
});

export interface RoadTable {
	distanceM: number[][];
	travelMin: number[][];
}

export function tableUrl(baseUrl: string, points: readonly LatLng[]): string {
	const coords = points.map((p) => `${p.lon.toFixed(6)},${p.lat.toFixed(6)}`).join(';');
	return `${baseUrl.replace(/\/+$/, '')}/table/v1/driving/${coords}?annotations=duration,distance`;
}

export async function osrmTable(
	baseUrl: string,
	points: readonly LatLng[],
	{ fetch: fetchFn = fetch, timeoutMs = OSRM_TIMEOUT_MS } = {}
): Promise<RoadTable> {
	if (points.length > MAX_OSRM_POINTS) {
		throw new OsrmError('too-large', `more than ${MAX_OSRM_POINTS} places`);
	}
	const controller = new AbortController();
	let timer: ReturnType<typeof setTimeout> | undefined;
	// Raced as well as aborted, so a fetch that ignores its signal cannot hold planning up.
	const timeout = new Promise<never>((_, reject) => {
		timer = setTimeout(() => {
			controller.abort();
			reject(new OsrmError('timeout', `no answer within ${timeoutMs / 1000} s`));
		}, timeoutMs);
	});
	try {
		const body = await Promise.race([
			fetchJson(fetchFn, tableUrl(baseUrl, points), controller.signal),
			timeout
		]);
		return toTable(body, points.length);
	} finally {
		clearTimeout(timer);
	}
}

async function fetchJson(fetchFn: typeof fetch, url: string, signal: AbortSignal) {
	let res: Response;
	try {
		// No cookies or referrer to a routing service that may belong to someone else.
		res = await fetchFn(url, { signal, credentials: 'omit', referrerPolicy: 'no-referrer' });
	} catch {
		throw new OsrmError('unreachable', 'the road service could not be reached');
	}
	if (!res.ok) throw new OsrmError('http-error', `the road service answered ${res.status}`);
	try {
		return (await res.json()) as unknown;
	} catch {
		throw new OsrmError('bad-response', 'the road service sent something that is not JSON');
	}
}

function toTable(body: unknown, n: number): RoadTable {
	const parsed = tableSchema.safeParse(body);
	const square = (m: number[][]) => m.length === n && m.every((row) => row.length === n);
	if (!parsed.success || !square(parsed.data.durations) || !square(parsed.data.distances)) {
		throw new OsrmError('bad-response', 'the road service sent an unexpected table');
	}
	return {
		distanceM: parsed.data.distances,
		travelMin: parsed.data.durations.map((row) => row.map((s) => s / 60))
	};
}
