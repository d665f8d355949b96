import type { AreaPackInfo } from '$lib/domain/map-config';
import * as store from '../db/area-pack-store';
import type { StoredAreaPack } from '../db/database';
import { isQuotaError } from '../media/storage';

export const AREA_PACK_URL = '/api/map/area-pack';
/** Big enough that a county pack is a few hundred requests, small enough to lose little on a cut. */
export const CHUNK_BYTES = 1024 * 1024;

export type AreaPackFailure =
	'offline' | 'unauthenticated' | 'not-found' | 'changed' | 'bad-response' | 'quota';

export class AreaPackDownloadError extends Error {
	constructor(
		readonly code: AreaPackFailure,
		message: string
	) {
		super(message);
	}
}

const fail = (code: AreaPackFailure, message: string) => new AreaPackDownloadError(code, message);

export interface DownloadOptions {
	signal?: AbortSignal;
	onProgress?: (progress: StoredAreaPack) => void;
	chunkBytes?: number;
	fetch?: typeof fetch;
}

/** `bytes 0-1048575/40000000` → its parts, or null if it is not a plain satisfied range. */
function contentRange(header: string | null) {
	const m = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(header ?? '');
	return m ? { start: Number(m[1]), end: Number(m[2]), total: Number(m[3]) } : null;
}

async function fetchChunk(
	progress: StoredAreaPack,
	chunkBytes: number,
	opts: DownloadOptions
): Promise<{ etag: string; blob: Blob }> {
	const start = progress.received;
	const end = Math.min(progress.bytes, start + chunkBytes) - 1;
	const headers: Record<string, string> = { range: `bytes=${start}-${end}` };
	// With If-Range a server holding a different version answers 200, never bytes of another file.
	if (progress.etag) headers['if-range'] = progress.etag;
	let res: Response;
	try {
		res = await (opts.fetch ?? fetch)(AREA_PACK_URL, {
			headers,
			credentials: 'same-origin',
			cache: 'no-store',
			signal: opts.signal
		});
	} catch (e) {
		if (opts.signal?.aborted) throw e;
		throw fail('offline', 'The download was interrupted');
	}
	if (res.status === 401) throw fail('unauthenticated', 'Sign in again to download the area pack');
	if (res.status === 404) throw fail('not-found', 'The server no longer offers an area pack');
	const etag = res.headers.get('etag') ?? '';
	const range = contentRange(res.headers.get('content-range'));
	if (res.status === 200 || res.status === 416 || (progress.etag && etag !== progress.etag)) {
		await res.body?.cancel();
		throw fail('changed', 'The area pack on the server has changed');
	}
	if (res.status !== 206 || !range || range.start !== start || range.total !== progress.bytes) {
		await res.body?.cancel();
		throw fail('bad-response', 'The server sent the area pack in a form this app cannot use');
	}
	let blob: Blob;
	try {
		blob = await res.blob();
	} catch (e) {
		if (opts.signal?.aborted) throw e;
		throw fail('offline', 'The download was interrupted');
	}
	if (blob.size !== range.end - range.start + 1) {
		throw fail('offline', 'The download was interrupted');
	}
	return { etag, blob };
}

/**
 * Downloads the offered pack in ranged chunks into IndexedDB, resuming from whatever of the same
 * version is already stored. Resolves with the complete pack; rejects with an
 * AreaPackDownloadError (what is stored so far is kept) or with the AbortError of `signal`.
 */
export async function downloadAreaPack(
	offered: AreaPackInfo,
	opts: DownloadOptions = {}
): Promise<StoredAreaPack> {
	const chunkBytes = opts.chunkBytes ?? CHUNK_BYTES;
	let progress = await store.areaPackProgress();
	if (!progress || progress.sha256 !== offered.sha256 || progress.bytes !== offered.bytes) {
		progress = await store.beginAreaPack(offered);
	}
	opts.onProgress?.(progress);
	while (!progress.complete) {
		opts.signal?.throwIfAborted();
		const { etag, blob } = await fetchChunk(progress, chunkBytes, opts);
		try {
			progress = await store.appendAreaPackChunk(etag, progress.received, blob);
		} catch (e) {
			if (isQuotaError(e)) throw fail('quota', 'This device has no room left for the area pack');
			throw e;
		}
		opts.onProgress?.(progress);
	}
	const head = await (await store.areaPackBlob())?.slice(0, 7).text();
	if (head !== 'PMTiles') {
		await store.removeAreaPack();
		throw fail('bad-response', 'The file on the server is not a PMTiles area pack');
	}
	return progress;
}
