import { MAX_PHOTO_BYTES, type PhotoRef } from '$lib/domain/visit';

/** The longest side photos are scaled to on the device. */
export const DEFAULT_LONG_EDGE = 2048;

export interface ProcessedPhoto extends PhotoRef {
	blob: Blob;
}

/**
 * Scales a camera photo down on the device (so a day of photos fits, and uploads finish on a
 * weak signal) and hashes it, so the server can prove every byte arrived.
 */
export async function processPhoto(
	file: Blob,
	longEdge = DEFAULT_LONG_EDGE
): Promise<ProcessedPhoto> {
	const bitmap = await createImageBitmap(file);
	const scale = Math.min(1, longEdge / Math.max(bitmap.width, bitmap.height));
	const width = Math.max(1, Math.round(bitmap.width * scale));
	const height = Math.max(1, Math.round(bitmap.height * scale));
	const canvas = new OffscreenCanvas(width, height);
	const ctx = canvas.getContext('2d');
	if (!ctx) throw new Error('This device cannot process photos');
	ctx.drawImage(bitmap, 0, 0, width, height);
	bitmap.close();
	const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.85 });
	if (blob.size > MAX_PHOTO_BYTES) throw new Error('photo-too-large');
	return {
		id: crypto.randomUUID(),
		sha256: await sha256Hex(blob),
		bytes: blob.size,
		mimeType: 'image/jpeg',
		width,
		height,
		blob
	};
}

export async function sha256Hex(blob: Blob): Promise<string> {
	const digest = await crypto.subtle.digest('SHA-256', await blob.arrayBuffer());
	return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
