import { describe, expect, it, vi } from 'vitest';
import { haversineM } from '$lib/domain/geo';
import { osrmTable, OsrmError, tableUrl } from './osrm';
import { travelMatrices } from './travel';

const points = [
	{ lat: 52.1386, lon: -0.4713 },
	{ lat: 52.1357, lon: -0.4665 },
	{ lat: 51.8785, lon: -0.4224 }
];
const BASE = 'https://osrm.example.police.uk/';

const okTable = {
	code: 'Ok',
	durations: [
		[0, 120, 1800],
		[130, 0, 1790],
		[1810, 1795, 0]
	],
	distances: [
		[0, 900, 31_000],
		[950, 0, 30_800],
		[31_200, 30_900, 0]
	],
	sources: [],
	destinations: []
};

const answer = (body: unknown, status = 200) =>
	vi.fn<typeof fetch>(async () => new Response(JSON.stringify(body), { status }));

describe('osrmTable', () => {
	it('asks for durations and distances of every pair, lon before lat', async () => {
		const fetch = answer(okTable);
		const table = await osrmTable(BASE, points, { fetch });
		expect(fetch).toHaveBeenCalledOnce();
		const [url, init] = fetch.mock.calls[0]!;
		expect(url).toBe(
			'https://osrm.example.police.uk/table/v1/driving/' +
				'-0.471300,52.138600;-0.466500,52.135700;-0.422400,51.878500' +
				'?annotations=duration,distance'
		);
		expect(init).toMatchObject({ credentials: 'omit' });
		expect(table.distanceM).toEqual(okTable.distances);
		expect(table.travelMin[0]).toEqual([0, 2, 30]);
	});

	it('rejects a table of the wrong size or with unreachable pairs', async () => {
		const short = { ...okTable, durations: okTable.durations.slice(1) };
		const unreachable = { ...okTable, durations: [[0, null, 1], ...okTable.durations.slice(1)] };
		for (const body of [short, unreachable, { code: 'NoTable', message: 'x' }, 'nonsense']) {
			await expect(osrmTable(BASE, points, { fetch: answer(body) })).rejects.toMatchObject({
				code: 'bad-response'
			});
		}
	});

	it('gives up after the timeout even if the fetch never settles', async () => {
		const hang = vi.fn<typeof fetch>(() => new Promise<Response>(() => undefined));
		const error = await osrmTable(BASE, points, { fetch: hang, timeoutMs: 30 }).catch((e) => e);
		expect(error).toBeInstanceOf(OsrmError);
		expect(error.code).toBe('timeout');
		expect((hang.mock.calls[0]![1]!.signal as AbortSignal).aborted).toBe(true);
	});

	it('builds the URL without a doubled slash', () => {
		expect(tableUrl('https://r.example', [points[0]!])).toBe(
			'https://r.example/table/v1/driving/-0.471300,52.138600?annotations=duration,distance'
		);
	});
});

describe('travelMatrices', () => {
	it('uses road figures when the service answers', async () => {
		const travel = await travelMatrices(points, {
			osrmUrl: BASE,
			online: true,
			fetch: answer(okTable)
		});
		expect(travel.model).toBe('road');
		expect(travel.note).toBeNull();
		expect(travel.distanceM[2]![0]).toBe(31_200);
	});

	it('falls back to great circle × 1.3 when the answer is malformed, and says why', async () => {
		const travel = await travelMatrices(points, {
			osrmUrl: BASE,
			online: true,
			fetch: answer({ code: 'Ok', durations: 'soon' })
		});
		expect(travel.model).toBe('great-circle');
		expect(travel.note).toBe('the road service sent an unexpected answer');
		expect(travel.distanceM[0]![2]).toBeCloseTo(haversineM(points[0]!, points[2]!) * 1.3, 6);
		// 40 km/h is 666.67 m a minute.
		expect(travel.travelMin[0]![2]).toBeCloseTo(travel.distanceM[0]![2]! / (40_000 / 60), 9);
	});

	it('falls back on a timeout, an HTTP error or a network failure', async () => {
		const hang = vi.fn<typeof fetch>(() => new Promise<Response>(() => undefined));
		const refuse = answer({ message: 'busy' }, 503);
		const fail = vi.fn<typeof fetch>(async () => {
			throw new TypeError('Failed to fetch');
		});
		const notes = [];
		for (const fetch of [hang, refuse, fail]) {
			const travel = await travelMatrices(points, {
				osrmUrl: BASE,
				online: true,
				fetch,
				timeoutMs: 30
			});
			expect(travel.model).toBe('great-circle');
			notes.push(travel.note);
		}
		expect(notes).toEqual([
			'the road service did not answer in time',
			'the road service refused the request',
			'the road service could not be reached'
		]);
	});

	it('does not try the road service offline or when none is configured', async () => {
		const fetch = answer(okTable);
		const offline = await travelMatrices(points, { osrmUrl: BASE, online: false, fetch });
		const none = await travelMatrices(points, { osrmUrl: null, online: true, fetch });
		expect(fetch).not.toHaveBeenCalled();
		expect(offline).toMatchObject({
			model: 'great-circle',
			note: 'road times unavailable offline'
		});
		expect(none).toMatchObject({ model: 'great-circle', note: null });
	});
});
