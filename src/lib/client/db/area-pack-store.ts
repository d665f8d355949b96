import { database, type StoredAreaPack } from './database';
import { areaPack } from './map-values';

/**
 * The offline area pack, kept as numbered Blob chunks in download order plus one record of how
 * far it has got. A chunk and the progress that counts it commit together, so after a crash or a
 * lost signal the download resumes exactly where the last stored chunk ends.
 */

export type AreaPackVersion = Pick<StoredAreaPack, 'sha256' | 'bytes' | 'updatedAt'>;

export class AreaPackOrderError extends Error {
	constructor() {
		super('this chunk does not continue the stored area pack');
	}
}

export async function areaPackProgress(): Promise<StoredAreaPack | undefined> {
	return areaPack.get();
}

/** Forgets any earlier pack or partial download and starts this version from byte 0. */
export async function beginAreaPack(version: AreaPackVersion): Promise<StoredAreaPack> {
	const db = database();
	const fresh: StoredAreaPack = { ...version, etag: '', received: 0, complete: false };
	await db.transaction('rw', db.areaPackChunks, db.meta, async () => {
		await db.areaPackChunks.clear();
		await areaPack.set(fresh);
	});
	return fresh;
}

/**
 * Stores the bytes that start at `offset`, which must be exactly where the stored pack ends and
 * come from the same version (`etag`); the first chunk fixes the etag.
 */
export async function appendAreaPackChunk(
	etag: string,
	offset: number,
	blob: Blob
): Promise<StoredAreaPack> {
	const db = database();
	return db.transaction('rw', db.areaPackChunks, db.meta, async () => {
		const progress = await areaPack.get();
		if (!progress || progress.received !== offset || (progress.etag && progress.etag !== etag)) {
			throw new AreaPackOrderError();
		}
		if (offset + blob.size > progress.bytes) throw new AreaPackOrderError();
		await db.areaPackChunks.add({ index: await db.areaPackChunks.count(), offset, blob });
		const received = offset + blob.size;
		const next = { ...progress, etag, received, complete: received === progress.bytes };
		await areaPack.set(next);
		return next;
	});
}

/** The whole pack as one Blob, once complete. The chunks stay on disk: nothing is copied. */
export async function areaPackBlob(): Promise<Blob | null> {
	const db = database();
	return db.transaction('r', db.areaPackChunks, db.meta, async () => {
		const progress = await areaPack.get();
		if (!progress?.complete) return null;
		const chunks = await db.areaPackChunks.orderBy('index').toArray();
		const blob = new Blob(
			chunks.map((c) => c.blob),
			{ type: 'application/vnd.pmtiles' }
		);
		return blob.size === progress.bytes ? blob : null;
	});
}

export async function removeAreaPack(): Promise<void> {
	const db = database();
	await db.transaction('rw', db.areaPackChunks, db.meta, async () => {
		await db.areaPackChunks.clear();
		await areaPack.remove();
	});
}
