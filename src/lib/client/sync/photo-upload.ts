import {
	PHOTO_CHUNK_BYTES,
	photoOffsetMismatchSchema,
	photoUploadStatusSchema
} from '$lib/domain/sync';
import type { StoredPhoto } from '../db/database';
import { notePhotoProgress, photosToUpload } from '../db/visits-store';
import { request } from './api';

/**
 * Uploads photos in chunks, resuming where the server says it got to: after a drop the next
 * attempt asks, then continues from that byte. The server checks the SHA-256 at the end.
 */
export async function uploadPendingPhotos(): Promise<{ uploaded: number; failed: number }> {
	const photos = await photosToUpload();
	let failed = 0;
	// One photo that will not go must not hold up the others, nor the rest of the sync.
	for (const photo of photos) {
		try {
			await uploadPhoto(photo);
		} catch {
			failed += 1;
		}
	}
	return { uploaded: photos.length - failed, failed };
}

/** Some photos did not arrive this time; they are retried with the next sync. */
export class PhotoUploadError extends Error {
	constructor(readonly failed: number) {
		super(`${failed} photo${failed === 1 ? '' : 's'} could not be sent yet; retrying`);
	}
}

async function uploadPhoto(photo: StoredPhoto): Promise<void> {
	const declared = await request(`/api/photos/${photo.id}`, photoUploadStatusSchema, {
		method: 'PUT',
		body: {
			visitId: photo.visitId,
			sha256: photo.sha256,
			bytes: photo.bytes,
			mimeType: photo.mimeType
		}
	});
	let received = declared.received;
	let complete = declared.complete;
	while (!complete) {
		const chunk = photo.blob.slice(received, received + PHOTO_CHUNK_BYTES);
		const status = await sendChunk(photo.id, received, chunk);
		received = status.received;
		complete = status.complete;
		await notePhotoProgress(photo.id, received, complete);
	}
	await notePhotoProgress(photo.id, photo.bytes, true);
}

async function sendChunk(photoId: string, offset: number, chunk: Blob) {
	const res = await fetch(`/api/photos/${photoId}/chunk?offset=${offset}`, {
		method: 'PUT',
		credentials: 'same-origin',
		headers: { 'content-type': 'application/octet-stream' },
		body: chunk
	}).catch(() => null);
	if (!res) throw new Error('offline');
	const body: unknown = await res.json().catch(() => null);
	if (res.ok) {
		const parsed = photoUploadStatusSchema.safeParse(body);
		if (parsed.success) return parsed.data;
	}
	// 409: the server holds a different amount than we thought; it tells us where to resume.
	if (res.status === 409) {
		const parsed = photoOffsetMismatchSchema.safeParse(body);
		if (parsed.success) return parsed.data.status;
	}
	throw new Error(`photo upload failed (${res.status})`);
}
