import { toBase64 } from '$lib/domain/bytes';
import { sealJson, sealedVisitAad, type SealKey, type SealedVisit } from '$lib/domain/sealed';
import type { VisitMutation } from '$lib/domain/sync';
import type { Visit } from '$lib/domain/visit';
import { visitHash } from '$lib/domain/visit-hash';
import { database, type SealedItem, type StoredPhoto } from './database';
import { sealKey as sealKeyValue } from './lock-values';
import { deviceId as ensureDeviceId } from './sync-values';

/**
 * At finalise, a visit is chained to this device's previous one (tamper evidence) and sealed,
 * with its photos, to the server's public key: a copy no wipe deletes and only the server can
 * open. The hashing and sealing run before the finalise transaction (WebCrypto inside it would
 * let IndexedDB commit early), which then checks nothing moved meanwhile (see finaliseVisit).
 */
export async function chainVisit(visit: Visit, prevHash: string | null): Promise<Visit> {
	const linked: Visit = { ...visit, prevHash };
	const hash = await visitHash(
		linked,
		linked.photos.map((p) => p.sha256),
		prevHash
	);
	return { ...linked, hash };
}

async function sealedPlaintext(mutation: VisitMutation, photos: StoredPhoto[]) {
	const byId = new Map(photos.map((p) => [p.id, p]));
	const out: SealedVisit = { mutation, photos: [] };
	for (const ref of mutation.visit.photos) {
		const stored = byId.get(ref.id);
		if (!stored) continue;
		const bytes = new Uint8Array(await stored.blob.arrayBuffer());
		out.photos.push({
			id: ref.id,
			sha256: ref.sha256,
			mime: ref.mimeType,
			dataBase64: toBase64(bytes)
		});
	}
	return out;
}

/** The sealed copy of a visit mutation and its photos, or null without a server key. */
export async function sealVisit(mutation: VisitMutation): Promise<SealedItem | null> {
	const sealKey: SealKey | undefined = await sealKeyValue.get();
	if (!sealKey) return null;
	const deviceId = await ensureDeviceId();
	const photos = await database().photos.where('visitId').equals(mutation.visit.id).toArray();
	const aad = sealedVisitAad(deviceId, mutation.visit.id);
	const plain = await sealedPlaintext(mutation, photos);
	const envelope = await sealJson(sealKey, aad, plain);
	return { id: mutation.visit.id, deviceId, envelope, sealedAt: new Date().toISOString() };
}

export function sealedItems(): Promise<SealedItem[]> {
	return database().sealed.toArray();
}

/** Delivered (or answered for by the regular push): the sealed copy is no longer needed. */
export async function forgetSealed(visitIds: string[]): Promise<void> {
	if (visitIds.length > 0) await database().sealed.bulkDelete(visitIds);
}
