// Must load before Dexie, which picks up the global indexedDB when it is first imported.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FieldcheckDatabase, useDatabase } from './database';
import * as meta from './meta';
import { unlockForTests } from './crypto/testing';

let db: FieldcheckDatabase;
let n = 0;

beforeEach(async () => {
	await unlockForTests();
	db = new FieldcheckDatabase(`meta-test-${++n}`);
	useDatabase(db);
});

afterEach(async () => {
	await db.delete();
});

describe('meta', () => {
	it('is empty on a new device', async () => {
		expect(await meta.get('cursor')).toBeUndefined();
		expect(await meta.get('user')).toBeUndefined();
	});

	it('keeps the last value set, structured values included', async () => {
		await meta.set('cursor', 'c1');
		await meta.set('cursor', 'c2');
		const user = {
			id: '3819034d-55a3-41ff-a614-79c523acc3e9',
			username: 'officer1',
			displayName: 'PC Nadia Turner',
			collarNumber: '2938',
			role: 'officer' as const
		};
		await meta.set('user', user);

		expect(await meta.get('cursor')).toBe('c2');
		expect(await meta.get('user')).toEqual(user);
	});

	it('removes one key and leaves the others', async () => {
		await meta.set('cursor', 'c1');
		await meta.set('deviceId', 'device-1');
		await meta.remove('cursor');

		expect(await meta.get('cursor')).toBeUndefined();
		expect(await meta.get('deviceId')).toBe('device-1');
	});

	it('survives reopening the database', async () => {
		await meta.set('lastSyncedAt', '2026-11-27T08:00:00.000Z');
		db.close();
		const reopened = new FieldcheckDatabase(db.name);
		useDatabase(reopened);
		expect(await meta.get('lastSyncedAt')).toBe('2026-11-27T08:00:00.000Z');
		db = reopened;
	});
});
