// Must load before Dexie, which picks up the global indexedDB when it is first imported.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { areaPackBlob, areaPackProgress } from '../db/area-pack-store';
import { FieldcheckDatabase, useDatabase } from '../db/database';
import { AreaPackDownloadError, downloadAreaPack } from './area-pack-download';
import { unlockForTests } from '../db/crypto/testing';

let db: FieldcheckDatabase;
let n = 0;

beforeEach(async () => {
	await unlockForTests();
	db = new FieldcheckDatabase(`area-pack-download-test-${++n}`);
	useDatabase(db);
});

afterEach(async () => {
	await db.delete();
});

const PACK = new TextEncoder().encode('PMTiles' + 'x'.repeat(93));
const offered = (body: Uint8Array = PACK, sha = 'a') => ({
	sha256: sha.repeat(64),
	bytes: body.length,
	updatedAt: '2026-11-27T08:00:00.000Z'
});

/** A server that honours Range and If-Range, and logs what it was asked. */
function server(body: Uint8Array, etag = '"v1"', opts: { failOn?: number } = {}) {
	const asked: string[] = [];
	const fake = async (_url: RequestInfo | URL, init?: RequestInit) => {
		const h = new Headers(init?.headers);
		const range = h.get('range') ?? '';
		asked.push(range + (h.get('if-range') ? ` if ${h.get('if-range')}` : ''));
		if (opts.failOn === asked.length) throw new TypeError('Failed to fetch');
		const ifRange = h.get('if-range');
		const m = /^bytes=(\d+)-(\d+)$/.exec(range);
		if (!m || (ifRange && ifRange !== etag)) {
			return new Response(body.slice(), { status: 200, headers: { etag } });
		}
		const start = Number(m[1]);
		const end = Math.min(Number(m[2]), body.length - 1);
		return new Response(body.slice(start, end + 1), {
			status: 206,
			headers: { etag, 'content-range': `bytes ${start}-${end}/${body.length}` }
		});
	};
	return { fetch: fake as typeof fetch, asked };
}

describe('downloadAreaPack', () => {
	it('fetches the pack in ranged chunks and stores it whole', async () => {
		const s = server(PACK);
		const seen: number[] = [];
		const done = await downloadAreaPack(offered(), {
			fetch: s.fetch,
			chunkBytes: 40,
			onProgress: (p) => seen.push(p.received)
		});
		expect(done.complete).toBe(true);
		expect(s.asked).toEqual(['bytes=0-39', 'bytes=40-79 if "v1"', 'bytes=80-99 if "v1"']);
		expect(seen).toEqual([0, 40, 80, 100]);
		const blob = await areaPackBlob();
		expect(new Uint8Array(await blob!.arrayBuffer())).toEqual(PACK);
	});

	it('after an interruption, resumes from the end of the last stored chunk', async () => {
		const cut = server(PACK, '"v1"', { failOn: 3 });
		const error = await downloadAreaPack(offered(), { fetch: cut.fetch, chunkBytes: 30 }).catch(
			(e: unknown) => e
		);
		expect(error).toBeInstanceOf(AreaPackDownloadError);
		expect((error as AreaPackDownloadError).code).toBe('offline');
		expect(await areaPackProgress()).toMatchObject({ received: 60, complete: false });

		const resumed = server(PACK);
		await downloadAreaPack(offered(), { fetch: resumed.fetch, chunkBytes: 30 });
		expect(resumed.asked).toEqual(['bytes=60-89 if "v1"', 'bytes=90-99 if "v1"']);
		expect(new Uint8Array(await (await areaPackBlob())!.arrayBuffer())).toEqual(PACK);
	});

	it('never mixes versions: a pack that changed on the server mid-download is reported', async () => {
		await downloadAreaPack(offered(), {
			fetch: server(PACK, '"v1"', { failOn: 2 }).fetch,
			chunkBytes: 50
		}).catch(() => undefined);
		const error = await downloadAreaPack(offered(), {
			fetch: server(PACK, '"v2"').fetch,
			chunkBytes: 50
		}).catch((e: unknown) => e);
		expect((error as AreaPackDownloadError).code).toBe('changed');
		expect(await areaPackProgress()).toMatchObject({ received: 50 });
	});

	it('a newer version offered by the server starts from byte 0', async () => {
		await downloadAreaPack(offered(), { fetch: server(PACK).fetch, chunkBytes: 64 });
		const next = new TextEncoder().encode('PMTiles' + 'y'.repeat(20));
		const s = server(next, '"v2"');
		await downloadAreaPack(offered(next, 'b'), { fetch: s.fetch, chunkBytes: 64 });
		expect(s.asked).toEqual(['bytes=0-26']);
		expect(await (await areaPackBlob())!.text()).toBe('PMTiles' + 'y'.repeat(20));
	});

	it('refuses a file that is not a PMTiles archive and keeps nothing of it', async () => {
		const junk = new TextEncoder().encode('<html>not a pack</html>');
		const error = await downloadAreaPack(offered(junk), { fetch: server(junk).fetch }).catch(
			(e: unknown) => e
		);
		expect((error as AreaPackDownloadError).code).toBe('bad-response');
		expect(await areaPackProgress()).toBeUndefined();
	});

	it('stops between chunks when aborted, keeping what arrived', async () => {
		const controller = new AbortController();
		const error = await downloadAreaPack(offered(), {
			fetch: server(PACK).fetch,
			chunkBytes: 25,
			signal: controller.signal,
			onProgress: (p) => p.received === 50 && controller.abort()
		}).catch((e: unknown) => e);
		expect((error as Error).name).toBe('AbortError');
		expect(await areaPackProgress()).toMatchObject({ received: 50 });
	});
});
