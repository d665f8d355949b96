import { createHash } from 'node:crypto';
import type { SealedVisit } from '$lib/domain/sealed';
import { MAX_PHOTO_BYTES } from '$lib/domain/visit';
import * as audit from '../db/audit';
import type { Db } from '../db/connection';
import * as devices from '../db/devices';
import * as photos from '../db/photos';
import * as visits from '../db/visits';
import { loadContext } from './context';
import { storeAccepted } from './store';
import { checkVisit, messages } from './validate';

export type SealedOutcome =
	{ status: 'applied' | 'duplicate' } | { status: 'rejected'; code: string; message: string };

/** The photo bytes in a sealed visit match the refs the visit names (id, hash, type, size). */
export function photosMatch(sealed: SealedVisit): boolean {
	const refs = new Map(
		sealed.mutation.type === 'record-visit'
			? sealed.mutation.visit.photos.map((p) => [p.id, p])
			: []
	);
	return sealed.photos.every((p) => {
		const ref = refs.get(p.id);
		if (!ref || ref.sha256 !== p.sha256 || ref.mimeType !== p.mime) return false;
		const bytes = Buffer.from(p.dataBase64, 'base64');
		return (
			bytes.byteLength === ref.bytes &&
			bytes.byteLength <= MAX_PHOTO_BYTES &&
			createHash('sha256').update(bytes).digest('hex') === p.sha256
		);
	});
}

/**
 * Applies a decrypted sealed visit through the same rules and the same exactly-once store as
 * a push (visit id dedupe), in one transaction. It does not move the device's push sequence:
 * if the same mutation is pushed later, it is answered as a duplicate.
 */
export async function applySealedVisit(
	db: Db,
	deviceId: string,
	sealed: SealedVisit,
	now = new Date()
): Promise<SealedOutcome> {
	const m = sealed.mutation;
	if (m.type !== 'record-visit') {
		return { status: 'rejected', code: 'invalid-mutation', message: 'Only visits are sealed.' };
	}
	const officerId = m.visit.officerId;
	return db.transaction().execute(async (trx): Promise<SealedOutcome> => {
		const device = await devices.find(trx, deviceId);
		if (!device) await devices.register(trx, deviceId, officerId, now);
		else if (device.userId !== officerId) return reject('wrong-officer');
		const ctx = await loadContext(trx, officerId, [m], now);
		const data = JSON.stringify(m.visit);
		const verdict = checkVisit(m.visit, data, ctx);
		if (verdict.kind === 'reject') {
			return { status: 'rejected', code: verdict.code, message: verdict.message };
		}
		if (verdict.kind === 'accept') {
			const [taken] = await visits.findByDeviceSeqs(trx, deviceId, [m.seq]);
			if (taken && taken.visitId !== m.visit.id) return reject('sequence-reused');
			await storeAccepted(trx, deviceId, [{ seq: m.seq, mutation: m, data }], now, {
				sealed: true
			});
			await audit.write(
				trx,
				{
					actorId: officerId,
					deviceId,
					action: 'record-visit',
					entityId: m.visit.id,
					outcome: 'accepted',
					detail: `seq=${m.seq} sealed`
				},
				now
			);
		}
		// Either way the sealed copy may complete photos whose upload never finished.
		await completePhotos(trx, sealed, now);
		return { status: verdict.kind === 'accept' ? 'applied' : 'duplicate' };
	});
}

function reject(code: keyof typeof messages): SealedOutcome {
	return { status: 'rejected', code, message: messages[code] };
}

async function completePhotos(db: Db, sealed: SealedVisit, now: Date): Promise<void> {
	const known = new Map(
		(
			await photos.findByIds(
				db,
				sealed.photos.map((p) => p.id)
			)
		).map((p) => [p.id, p])
	);
	for (const p of sealed.photos) {
		const record = known.get(p.id);
		if (!record || record.complete || record.sha256 !== p.sha256) continue;
		const bytes = Buffer.from(p.dataBase64, 'base64');
		await photos.complete(db, p.id, p.sha256, bytes, now);
	}
}
