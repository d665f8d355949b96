// Must load before Dexie, which picks up the global indexedDB when it is first imported.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { newDraft } from '$lib/domain/visit-draft';
import { uuid } from '$lib/domain/testing';
import * as account from './account-values';
import * as lockValues from './lock-values';
import { FieldcheckDatabase, useDatabase } from './database';
import { getDraft, listDrafts, saveDraft } from './drafts-store';
import { getValues, StoredValueError } from './meta';
import { quarantinedCount } from './quarantine';
import { quarantineInvalid } from './quarantine-check';
import * as routeValues from './route-values';
import * as syncValues from './sync-values';
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

const user = {
	id: '3819034d-55a3-41ff-a614-79c523acc3e9',
	username: 'officer1',
	displayName: 'PC Nadia Turner',
	collarNumber: '2938',
	role: 'officer' as const,
	teamId: null
};

const draft = () =>
	newDraft({
		id: uuid(7),
		subjectId: uuid(8),
		addressId: uuid(9),
		officerId: user.id,
		startedAt: new Date('2026-11-27T10:00:00Z'),
		conditions: []
	});

describe('stored values', () => {
	it('are empty on a new device', async () => {
		expect(await syncValues.cursor.get()).toBeUndefined();
		expect(await account.user.get()).toBeUndefined();
	});

	it('keep the last value set, structured values included, and survive reopening', async () => {
		await syncValues.cursor.set('c1');
		await syncValues.cursor.set('c2');
		await account.user.set(user);
		db.close();
		db = new FieldcheckDatabase(db.name);
		useDatabase(db);
		expect(await syncValues.cursor.get()).toBe('c2');
		expect(await account.user.get()).toEqual(user);
	});

	it('remove one key and leave the others', async () => {
		await syncValues.cursor.set('c1');
		await syncValues.deviceIdValue.set('device-1');
		await syncValues.cursor.remove();
		expect(await syncValues.cursor.get()).toBeUndefined();
		expect(await syncValues.deviceIdValue.get()).toBe('device-1');
	});

	it('refuse to store a value that does not match its schema', async () => {
		await expect(syncValues.nextSeq.set(0)).rejects.toThrow();
		expect(await syncValues.nextSeq.get()).toBeUndefined();
	});

	it('read a value that no longer parses as absent, and the check moves it aside', async () => {
		await db.meta.put({ key: 'user', value: { ...user, role: 'sergeant' } });
		await db.meta.put({ key: 'routeSettings', value: { serviceMin: 'ten' } });
		expect(await account.user.get()).toBeUndefined();
		expect(await routeValues.routeSettings.get()).toBeUndefined();

		expect(await quarantineInvalid()).toBe(2);
		expect(await quarantinedCount()).toBe(2);
		expect(await db.meta.get('user')).toBeUndefined();
		const kept = await db.quarantine.toArray();
		expect(kept.map((k) => k.key).sort()).toEqual(['routeSettings', 'user']);
		expect(await quarantineInvalid()).toBe(0);
	});

	it('looks read-only when nothing is wrong, so the first screen’s reads are not held up', async () => {
		await account.user.set(user);
		await saveDraft(draft());
		const transaction = vi.spyOn(db, 'transaction');
		expect(await quarantineInvalid()).toBe(0);
		expect(transaction.mock.calls.map((c) => c[0])).toEqual(['r']);
		transaction.mockRestore();
	});

	it('leaves the caseload order to its readers: the check does not walk the whole list', async () => {
		await db.meta.put({ key: 'caseloadOrder', value: [['only a sort key']] });
		expect(lockValues.caseloadOrder.checkedAtStart).toBe(false);
		expect(await quarantineInvalid()).toBe(0);
		// Read as absent all the same, so the first screen sorts the whole caseload instead.
		expect(await lockValues.caseloadOrder.get()).toBeUndefined();
	});

	it('read together give what each would give alone, and a bad critical value still throws', async () => {
		await syncValues.cursor.set('c9');
		await db.meta.put({ key: 'lastSyncedAt', value: 42 });
		expect(await getValues([syncValues.cursor, syncValues.lastSyncedAt, account.user])).toEqual([
			'c9',
			undefined,
			undefined
		]);
		await db.meta.put({ key: 'nextSeq', value: -1 });
		await expect(getValues([syncValues.cursor, syncValues.nextSeq])).rejects.toBeInstanceOf(
			StoredValueError
		);
	});

	it('never falls back on a bad critical value: it stays, reading throws, a copy is kept once', async () => {
		await db.meta.put({ key: 'nextSeq', value: 'seven' });
		await expect(syncValues.nextSeq.get()).rejects.toBeInstanceOf(StoredValueError);
		expect(await quarantineInvalid()).toBe(1);
		expect(await quarantineInvalid()).toBe(0);
		expect(await db.meta.get('nextSeq')).toEqual({ key: 'nextSeq', value: 'seven' });
	});
});

describe('stored drafts', () => {
	it('are parsed when read back', async () => {
		await saveDraft(draft());
		expect(await getDraft(uuid(7))).toEqual(draft());
		expect((await listDrafts()).map((d) => d.id)).toEqual([uuid(7)]);
	});

	it('that no longer parse are kept aside and read as absent, without throwing', async () => {
		await saveDraft(draft());
		const stored = (await db.drafts.get(uuid(7)))!;
		await db.drafts.put({ ...stored, draft: { ...stored.draft, checks: 'none' } as never });
		expect(await listDrafts()).toEqual([]);
		expect(await getDraft(uuid(7))).toBeUndefined();
		expect(await db.drafts.count()).toBe(0);
		expect(await db.quarantine.where('kind').equals('draft').count()).toBe(1);
	});
});

describe('the schema upgrades to version 5', () => {
	it('drop what an older build stored in the clear, keeping the device identity', async () => {
		const name = `upgrade-test-${++n}`;
		const old = new Dexie(name);
		old.version(3).stores({
			subjects: 'id, sortKey, *tokens',
			meta: 'key',
			drafts: 'id, subjectId, updatedAt',
			visits: 'id, subjectId, state, savedAt',
			outbox: 'seq, visitId',
			photos: 'id, visitId, complete',
			areaPackChunks: 'index'
		});
		await old.table('meta').put({ key: 'cursor', value: 'c9' });
		await old.table('meta').put({ key: 'deviceId', value: 'device-9' });
		await old
			.table('drafts')
			.put({ id: uuid(7), subjectId: uuid(8), updatedAt: '', draft: draft() });
		old.close();

		const upgraded = new FieldcheckDatabase(name);
		useDatabase(upgraded);
		// A new version never installs over unsent work (update-control.ts), so nothing is lost:
		// the caseload downloads again, now encrypted.
		expect(await syncValues.cursor.get()).toBeUndefined();
		expect(await getDraft(uuid(7))).toBeUndefined();
		expect(await syncValues.deviceIdValue.get()).toBe('device-9');
		expect(await upgraded.quarantine.count()).toBe(0);
		expect(upgraded.verno).toBe(6);
		await upgraded.delete();
	});
});

describe('the schema upgrades to version 6', () => {
	it("drop the first screen's old copy, five rows of whole subjects, and keep the rest", async () => {
		const name = `upgrade-test-${++n}`;
		const old = new Dexie(name);
		old.version(5).stores({
			subjects: 'id, leaving',
			meta: 'key',
			drafts: 'id, subjectId, updatedAt',
			visits: 'id, subjectId, state, savedAt',
			outbox: 'seq, visitId',
			photos: 'id, visitId, complete',
			areaPackChunks: 'index',
			quarantine: '++id, kind',
			sealed: 'id',
			lockEvents: '++id'
		});
		const copy = [0, 1, 2, 3, 4].map((i) => `caseloadScreen.${i}`);
		await old
			.table('meta')
			.bulkPut(copy.map((key) => ({ key, value: { stamp: 'x', bundles: [] } })));
		await old.table('meta').put({ key: 'deviceId', value: 'device-9' });
		await old.table('subjects').put({ id: uuid(8), leaving: 0 });
		old.close();

		const upgraded = new FieldcheckDatabase(name);
		useDatabase(upgraded);
		expect(await upgraded.meta.bulkGet(copy)).toEqual(copy.map(() => undefined));
		expect(await syncValues.deviceIdValue.get()).toBe('device-9');
		expect(await upgraded.subjects.count()).toBe(1);
		expect(upgraded.verno).toBe(6);
		await upgraded.delete();
	});
});
