// Must load before Dexie, which picks up the global indexedDB when it is first imported.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	appendAreaPackChunk,
	AreaPackOrderError,
	areaPackBlob,
	areaPackProgress,
	beginAreaPack,
	removeAreaPack
} from './area-pack-store';
import { FieldcheckDatabase, useDatabase } from './database';
import { unlockForTests } from './crypto/testing';

let db: FieldcheckDatabase;
let n = 0;
const version = { sha256: 'a'.repeat(64), bytes: 10, updatedAt: '2026-11-27T08:00:00.000Z' };

beforeEach(async () => {
	await unlockForTests();
	db = new FieldcheckDatabase(`area-pack-test-${++n}`);
	useDatabase(db);
});

afterEach(async () => {
	await db.delete();
});

describe('area pack store', () => {
	it('has nothing on a new device', async () => {
		expect(await areaPackProgress()).toBeUndefined();
		expect(await areaPackBlob()).toBeNull();
	});

	it('counts chunks in order and gives back the whole file once complete', async () => {
		await beginAreaPack(version);
		const first = await appendAreaPackChunk('"v1"', 0, new Blob(['PMTil']));
		expect(first).toMatchObject({ received: 5, complete: false, etag: '"v1"' });
		expect(await areaPackBlob()).toBeNull();
		const done = await appendAreaPackChunk('"v1"', 5, new Blob(['es3!!']));
		expect(done).toMatchObject({ received: 10, complete: true });
		expect(await (await areaPackBlob())?.text()).toBe('PMTiles3!!');
	});

	it('refuses a chunk that does not continue the stored bytes, or comes from another version', async () => {
		await beginAreaPack(version);
		await appendAreaPackChunk('"v1"', 0, new Blob(['12345']));
		await expect(appendAreaPackChunk('"v1"', 3, new Blob(['45']))).rejects.toThrow(
			AreaPackOrderError
		);
		await expect(appendAreaPackChunk('"v2"', 5, new Blob(['67890']))).rejects.toThrow(
			AreaPackOrderError
		);
		await expect(appendAreaPackChunk('"v1"', 5, new Blob(['678901']))).rejects.toThrow(
			AreaPackOrderError
		);
		expect(await areaPackProgress()).toMatchObject({ received: 5 });
	});

	it('starting again forgets the old chunks; removing forgets everything', async () => {
		await beginAreaPack(version);
		await appendAreaPackChunk('"v1"', 0, new Blob(['12345']));
		await beginAreaPack({ ...version, sha256: 'b'.repeat(64) });
		expect(await db.areaPackChunks.count()).toBe(0);
		expect(await areaPackProgress()).toMatchObject({ received: 0, etag: '' });
		await appendAreaPackChunk('"v2"', 0, new Blob(['1234567890']));
		await removeAreaPack();
		expect(await areaPackProgress()).toBeUndefined();
		expect(await db.areaPackChunks.count()).toBe(0);
	});
});
