// Must load before Dexie, which picks up the global indexedDB when it is first imported.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fromBase64Url, sha256Hex } from '$lib/domain/bytes';
import { sealedVisitAad, sealedVisitSchema } from '$lib/domain/sealed';
import { makeVisit } from '$lib/domain/testing';
import { visitHash } from '$lib/domain/visit-hash';
// The server's half of sealing, to prove the device's copy opens there and only there.
// eslint-disable-next-line no-restricted-imports
import { openDatabase } from '$lib/server/db/connection';
// eslint-disable-next-line no-restricted-imports
import { openBytes, sealKeyPair } from '$lib/server/crypto/seal-keys';
import { queueLockEvents, recordSubjectView } from './audit-store';
import { unlockForTests } from './crypto/testing';
import { database, FieldcheckDatabase, useDatabase } from './database';
import { wipeDevice } from './device-store';
import { sealKey } from './lock-values';
import { deviceId as ensureDeviceId } from './sync-values';
import { recordLockEvent } from './unlock-store';
import { finaliseVisit, outboxBatch } from './visits-store';

let db: FieldcheckDatabase;
const PHOTO: Uint8Array<ArrayBuffer> = new Uint8Array(4096).map((_, i) => (i * 7) % 251);

beforeEach(async () => {
	await unlockForTests();
	db = new FieldcheckDatabase(`sealed-${crypto.randomUUID()}`);
	useDatabase(db);
});

afterEach(async () => {
	await db.delete();
});

async function serverKeys() {
	return sealKeyPair((await openDatabase('sqlite::memory:')).db);
}

describe('finalise: chain and seal', () => {
	it('chains each visit to the previous one from this device', async () => {
		const a = makeVisit({ id: crypto.randomUUID(), photos: [] });
		const b = makeVisit({ id: crypto.randomUUID(), photos: [] });
		await finaliseVisit(a, 'A');
		await finaliseVisit(b, 'B');
		const [first, second] = (await outboxBatch(10)).map((e) => e.mutation);
		if (first?.type !== 'record-visit' || second?.type !== 'record-visit') throw new Error();
		expect(first.visit.prevHash).toBeNull();
		expect(first.visit.hash).toBe(await visitHash(first.visit, [], null));
		expect(second.visit.prevHash).toBe(first.visit.hash);
		expect(second.visit.hash).toBe(await visitHash(second.visit, [], first.visit.hash!));
	});

	it('seals the exact mutation and photo bytes so that only the server opens them, through a wipe', async () => {
		const pair = await serverKeys();
		await sealKey.set(pair.publicKey);
		const deviceId = await ensureDeviceId();
		const photoId = crypto.randomUUID();
		const visit = makeVisit({ id: crypto.randomUUID() });
		const ref = {
			id: photoId,
			sha256: await sha256Hex(PHOTO),
			bytes: PHOTO.length,
			mimeType: 'image/jpeg' as const,
			width: 64,
			height: 64
		};
		const withPhoto = { ...visit, photos: [ref] };
		await database().photos.put({
			...ref,
			visitId: visit.id,
			blob: new Blob([PHOTO], { type: ref.mimeType }),
			takenAt: visit.startedAt,
			uploaded: 0,
			complete: 0
		});
		await finaliseVisit(withPhoto, 'A');
		await wipeDevice();

		const [item] = await database().sealed.toArray();
		expect(item).toMatchObject({ id: visit.id, deviceId });
		const opened = await openBytes(pair, sealedVisitAad(deviceId, visit.id), item!.envelope);
		const plain = sealedVisitSchema.parse(JSON.parse(new TextDecoder().decode(opened)));
		expect(plain.mutation.type === 'record-visit' && plain.mutation.visit.hash).toMatch(
			/^[0-9a-f]{64}$/
		);
		expect(plain.photos[0]?.id).toBe(photoId);
		expect(fromBase64Url(plain.photos[0]!.dataBase64)).toEqual(PHOTO);
		// Everything readable is gone; the sealed copy is all that is left of the visit.
		expect(await database().visits.count()).toBe(0);
		expect(await database().outbox.count()).toBe(0);
	});
});

describe('device audit', () => {
	it('queues subject views and lock events as record-audit mutations with ids and times only', async () => {
		const subjectId = crypto.randomUUID();
		await recordLockEvent('unlock-failed');
		await recordLockEvent('unlock');
		await recordSubjectView(subjectId);
		expect(await queueLockEvents()).toBe(2);
		const audits = (await outboxBatch(10)).map((e) => e.mutation);
		expect(audits.map((m) => m.type)).toEqual(['record-audit', 'record-audit', 'record-audit']);
		expect(audits.map((m) => m.seq)).toEqual([1, 2, 3]);
		expect(audits.map((m) => (m.type === 'record-audit' ? m.audit.action : null))).toEqual([
			'subject-viewed',
			'unlock-failed',
			'unlock'
		]);
		expect(await database().lockEvents.count()).toBe(0);
	});
});
