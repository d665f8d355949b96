// Must load before Dexie, which picks up the global indexedDB when it is first imported.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CaseloadPage } from '$lib/domain/caseload';
import { PROTOCOL_VERSION } from '$lib/domain/protocol';
import { makeVisit } from '$lib/domain/testing';
import { newDraft } from '$lib/domain/visit-draft';
// Test data only: the seed generator is pure and never reaches the browser bundle.
// eslint-disable-next-line no-restricted-imports
import { generatedBundles } from '$lib/server/seed/bundles';
import { allSubjects, applyCaseloadPage, firstEntries, toStored } from '../caseload-store';
import { FieldcheckDatabase, useDatabase } from '../database';
import { addPhoto, saveDraft } from '../drafts-store';
import * as account from '../account-values';
import { lastSyncedAt } from '../sync-values';
import { finaliseVisit, listVisits, subjectsWithPendingWork } from '../visits-store';
import { encryptAhead } from './encrypt-ahead';
import * as keyring from './keyring';
import { unlockForTests } from './testing';

const bundles = generatedBundles({ seed: 7, subjects: 12 });
const page: CaseloadPage = {
	protocolVersion: PROTOCOL_VERSION,
	cursor: 'c1',
	serverTime: '2026-11-27T08:00:00.000Z',
	bundles,
	removed: { subjectIds: [], orderIds: [] },
	receipts: [],
	remaining: 0,
	hasMore: false
};

const NOTES = 'Door answered by a man with a limp; smelled of cannabis';
const PHOTO = new TextEncoder().encode('PHOTO-BYTES-0123456789-distinctive');

/** Every row of every object store, read with raw IndexedDB, beneath Dexie and the middleware. */
async function rawRows(name: string): Promise<unknown[]> {
	const idb = await new Promise<IDBDatabase>((resolve, reject) => {
		const open = indexedDB.open(name);
		open.onsuccess = () => resolve(open.result);
		open.onerror = () => reject(open.error);
	});
	const stores = [...idb.objectStoreNames];
	const tx = idb.transaction(stores, 'readonly');
	const all = await Promise.all(
		stores.map(
			(s) =>
				new Promise<unknown[]>((resolve) => {
					const req = tx.objectStore(s).getAll();
					req.onsuccess = () => resolve(req.result);
				})
		)
	);
	idb.close();
	return all.flat();
}

/** Strings and bytes of a row, Blobs read out, so a plaintext search sees everything stored. */
async function flatten(v: unknown): Promise<string> {
	if (v instanceof Blob) return new TextDecoder().decode(await v.arrayBuffer());
	if (v instanceof Uint8Array) return new TextDecoder('latin1').decode(v);
	if (Array.isArray(v)) return (await Promise.all(v.map(flatten))).join('\u0000');
	if (v && typeof v === 'object') {
		const parts = await Promise.all(
			Object.entries(v).map(async ([k, x]) => `${k}=${await flatten(x)}`)
		);
		return parts.join('\u0000');
	}
	return String(v);
}

let db: FieldcheckDatabase;
let name: string;

beforeEach(async () => {
	await unlockForTests();
	name = `enc-${crypto.randomUUID()}`;
	db = new FieldcheckDatabase(name);
	useDatabase(db);
});

afterEach(async () => {
	await db.delete();
});

async function recordEverything() {
	await applyCaseloadPage(page);
	const subject = bundles[0]!;
	await account.user.set({
		id: crypto.randomUUID(),
		username: 'officer1',
		displayName: 'PC Imogen Thistlewood',
		collarNumber: '1234',
		role: 'officer',
		teamId: null
	});
	const draft = {
		...newDraft({
			id: crypto.randomUUID(),
			subjectId: subject.subject.id,
			addressId: subject.addresses[0]!.id,
			officerId: crypto.randomUUID(),
			startedAt: new Date('2026-11-27T09:00:00.000Z'),
			conditions: []
		}),
		notes: NOTES
	};
	await saveDraft(draft);
	await addPhoto(
		{
			id: crypto.randomUUID(),
			visitId: draft.id,
			mime: 'image/jpeg',
			bytes: PHOTO.length,
			blob: new Blob([PHOTO], { type: 'image/jpeg' }),
			takenAt: '2026-11-27T09:00:00.000Z',
			uploaded: 0,
			complete: 0
		} as never,
		draft
	);
	const visit = makeVisit({ id: crypto.randomUUID(), subjectId: subject.subject.id, notes: NOTES });
	await finaliseVisit(visit, `${subject.subject.givenName} ${subject.subject.familyName}`);
	return { subject, visit };
}

describe('encryption at rest', () => {
	it('stores no plaintext of names, postcodes, conditions, notes or photo bytes', async () => {
		const { subject } = await recordEverything();
		const stored = await flatten(await rawRows(name));
		const secrets = [
			subject.subject.familyName,
			subject.subject.givenName,
			subject.addresses[0]!.postcode,
			subject.addresses[0]!.lines[0]!,
			subject.orders[0]!.conditions[0]!.wording,
			'Thistlewood',
			NOTES,
			'PHOTO-BYTES-0123456789'
		];
		for (const s of secrets) expect(stored.includes(s), s).toBe(false);
		// Not vacuous: the rows are there, as ciphertext.
		expect(stored.split('$e=').length - 1).toBeGreaterThan(bundles.length);
		// The stores still read back exactly what was written.
		expect((await allSubjects()).length).toBe(bundles.length);
		expect((await listVisits())[0]!.visit.notes).toBe(NOTES);
	});

	it('refuses to read or write personal rows while locked, and reads again after unlock', async () => {
		await recordEverything();
		const key = keyring.require();
		keyring.drop();
		await expect(firstEntries(5)).rejects.toThrow(keyring.DeviceLockedError);
		await expect(account.officers.set([])).rejects.toThrow(keyring.DeviceLockedError);
		// Clear bookkeeping stays readable: it is what unlocking and expiry need.
		expect(await lastSyncedAt.get()).toBe(page.serverTime);
		keyring.use(key);
		expect((await firstEntries(5)).length).toBe(5);
	});

	it('cannot be read with another data key', async () => {
		await recordEverything();
		await unlockForTests();
		await expect(firstEntries(1)).rejects.toThrow();
	});

	it('keeps transactions alive across encryption, including cursor reads', async () => {
		const { subject } = await recordEverything();
		// subjectsWithPendingWork iterates with a cursor (each) inside one transaction.
		expect(await subjectsWithPendingWork()).toContain(subject.subject.id);
		expect((await firstEntries(3)).map((b) => b.subject.id)).toEqual(
			(await allSubjects()).slice(0, 3).map((s) => s.id)
		);
	});
});

describe('rows encrypted ahead of their transaction', () => {
	const rows = () => bundles.map(toStored);
	const plainIn = async () => {
		const stored = await flatten(await rawRows(name));
		return bundles.filter((b) => stored.includes(b.subject.familyName)).length;
	};

	it('are put with no encryption inside the transaction, as ciphertext, and read back', async () => {
		const fresh = rows();
		const encrypt = vi.spyOn(crypto.subtle, 'encrypt');
		await encryptAhead(db.subjects, fresh);
		expect(encrypt).toHaveBeenCalledTimes(fresh.length);
		await db.transaction('rw', db.subjects, () => db.subjects.bulkPut(fresh));
		expect(encrypt).toHaveBeenCalledTimes(fresh.length);
		encrypt.mockRestore();

		expect(await plainIn()).toBe(0);
		const back = await allSubjects();
		expect(back).toHaveLength(bundles.length);
		for (const s of back) expect(s.bundle).toEqual(bundles.find((b) => b.subject.id === s.id));
	});

	it('cannot be changed once encrypted, so what is stored is never a stale copy', async () => {
		const [row] = rows();
		await encryptAhead(db.subjects, [row!]);
		expect(() => Object.assign(row!, { leaving: 1 })).toThrow(TypeError);
	});

	it('are encrypted again with the current key when the key changed before the put', async () => {
		const fresh = rows();
		await encryptAhead(db.subjects, fresh);
		await unlockForTests();
		await db.subjects.bulkPut(fresh);
		expect((await allSubjects()).length).toBe(bundles.length);
		expect(await plainIn()).toBe(0);
	});

	it('are refused, and nothing written, when the device locked before the put', async () => {
		const fresh = rows();
		await encryptAhead(db.subjects, fresh);
		keyring.drop();
		await expect(db.subjects.bulkPut(fresh)).rejects.toThrow(keyring.DeviceLockedError);
		await unlockForTests();
		expect(await db.subjects.count()).toBe(0);
	});
});
