import type { PhotoDeclaration, PhotoUploadStatus } from '$lib/domain/sync';
import { MAX_PHOTO_BYTES } from '$lib/domain/visit';
import type { Db } from '../db/connection';
import * as photos from '../db/photos';
import { ApiFailure } from '../http';

/**
 * Chunked, resumable photo uploads. A photo is known to the server once a visit naming it has
 * been accepted; only the officer who recorded that visit may upload it or ask how much has
 * arrived. Chunks must arrive in order (offset = bytes held), so "how much arrived" is one
 * number and resuming after an interruption is "continue from there".
 */

const notFound = () =>
	new ApiFailure(
		404,
		'not-found',
		'No photo with this id on a visit of yours: send the visit first'
	);

const tooLarge = (message: string) => new ApiFailure(413, 'photo-too-large', message);

function statusOf(p: photos.PhotoRecord): PhotoUploadStatus {
	return { photoId: p.id, received: p.received, complete: p.complete };
}

export async function status(
	db: Db,
	officerId: string,
	photoId: string
): Promise<PhotoUploadStatus> {
	const photo = await photos.findForOfficer(db, photoId, officerId);
	if (!photo) throw notFound();
	return statusOf(photo);
}

/** Idempotent: checks the client's idea of the photo against the visit's ref, and says where to resume. */
export async function declare(
	db: Db,
	officerId: string,
	photoId: string,
	d: PhotoDeclaration
): Promise<PhotoUploadStatus> {
	if (d.bytes > MAX_PHOTO_BYTES) {
		throw tooLarge(`Photos can be at most ${MAX_PHOTO_BYTES} bytes: this one cannot be sent.`);
	}
	const photo = await photos.findForOfficer(db, photoId, officerId, d.visitId);
	if (!photo) throw notFound();
	if (photo.sha256 !== d.sha256 || photo.bytes !== d.bytes || photo.mimeType !== d.mimeType) {
		throw new ApiFailure(
			409,
			'photo-id-conflict',
			'This does not match the photo the visit names: export the visit for your supervisor.'
		);
	}
	return statusOf(photo);
}

export type ChunkOutcome =
	| { status: 200; body: PhotoUploadStatus }
	| {
			status: 409;
			body: {
				error: { code: 'photo-offset-mismatch'; message: string };
				status: PhotoUploadStatus;
			};
	  };

/**
 * Stores one chunk at `offset`. The chunk that completes the photo is checked against its
 * SHA-256 before anything is kept: on a mismatch the whole partial upload is thrown away.
 */
export async function appendChunk(
	db: Db,
	officerId: string,
	photoId: string,
	offset: number,
	chunk: Buffer,
	now = new Date()
): Promise<ChunkOutcome> {
	const result = await db.transaction().execute(async (trx) => {
		const photo = await photos.findForOfficerLocked(trx, photoId, officerId);
		if (!photo) throw notFound();
		if (photo.bytes > MAX_PHOTO_BYTES) {
			throw tooLarge(`Photos can be at most ${MAX_PHOTO_BYTES} bytes: this one cannot be sent.`);
		}
		// A retried last chunk whose answer was lost: already done.
		if (photo.complete) return { kind: 'ok' as const, photo };
		if (offset !== photo.received) return { kind: 'offset' as const, photo };
		if (chunk.byteLength === 0) throw new ApiFailure(400, 'invalid-body', 'The chunk is empty');
		const end = offset + chunk.byteLength;
		if (end > photo.bytes) {
			throw tooLarge(`This photo was declared as ${photo.bytes} bytes; the chunk goes past that.`);
		}
		if (end < photo.bytes) {
			await photos.addChunk(trx, photoId, offset, chunk);
			return { kind: 'ok' as const, photo: { ...photo, received: end } };
		}
		if (!(await photos.completeUpload(trx, photoId, photo.sha256, chunk, now))) {
			return { kind: 'hash' as const, photo };
		}
		return { kind: 'ok' as const, photo: { ...photo, received: end, complete: true } };
	});
	// Thrown only after the transaction has committed the discard.
	if (result.kind === 'hash') {
		throw new ApiFailure(
			422,
			'photo-hash-mismatch',
			'The photo that arrived does not match its SHA-256, so it was discarded. Send it again from byte 0.'
		);
	}
	if (result.kind === 'offset') {
		const status = statusOf(result.photo);
		return {
			status: 409,
			body: {
				error: {
					code: 'photo-offset-mismatch',
					message: status.complete
						? 'The server already has all of this photo.'
						: `The server holds ${status.received} bytes of this photo: continue from byte ${status.received}.`
				},
				status
			}
		};
	}
	return { status: 200, body: statusOf(result.photo) };
}
