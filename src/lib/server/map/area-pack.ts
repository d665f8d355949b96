import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Readable } from 'node:stream';
import type { AreaPackInfo } from '../../domain/map-config';
import { ifRangeMatches, parseRange } from './range';

export const DEFAULT_AREA_PACK_PATH = './data/area-pack.pmtiles';

export interface AreaPackFile extends AreaPackInfo {
	path: string;
	/** A strong validator derived from the content, so it survives copies and restarts. */
	etag: string;
}

/** Hashing a large pack takes a while: do it once per version of the file, not per request. */
const hashed = new Map<string, Promise<string>>();

function sha256Of(path: string): Promise<string> {
	return new Promise((done, fail) => {
		const hash = createHash('sha256');
		createReadStream(path)
			.on('data', (chunk) => hash.update(chunk))
			.on('error', fail)
			.on('end', () => done(hash.digest('hex')));
	});
}

/** The area pack the administrator placed, or null when there is none (or it is empty). */
export async function areaPackFile(configured: string | undefined): Promise<AreaPackFile | null> {
	const path = resolve(configured || DEFAULT_AREA_PACK_PATH);
	const st = await stat(path).catch(() => null);
	if (!st || !st.isFile() || st.size === 0) return null;
	const key = `${path}|${st.size}|${st.mtimeMs}`;
	let sha = hashed.get(key);
	if (!sha) {
		sha = sha256Of(path);
		hashed.set(key, sha);
		sha.catch(() => hashed.delete(key));
	}
	const sha256 = await sha;
	return {
		path,
		bytes: st.size,
		sha256,
		updatedAt: st.mtime.toISOString(),
		etag: `"${sha256}"`
	};
}

/** GET (and HEAD) of the pack with byte ranges, so a device can fetch it in resumable chunks. */
export function serveAreaPack(request: Request, file: AreaPackFile): Response {
	const headers = new Headers({
		'accept-ranges': 'bytes',
		etag: file.etag,
		'content-type': 'application/vnd.pmtiles',
		// Stored by the app in IndexedDB; a second copy in the HTTP cache would only waste space.
		'cache-control': 'no-store'
	});
	const rangeHeader = ifRangeMatches(request.headers.get('if-range'), file.etag)
		? request.headers.get('range')
		: null;
	const range = parseRange(rangeHeader, file.bytes);
	if (range === 'unsatisfiable') {
		headers.set('content-range', `bytes */${file.bytes}`);
		return new Response(null, { status: 416, headers });
	}
	const { start, end } = range ?? { start: 0, end: file.bytes - 1 };
	headers.set('content-length', String(end - start + 1));
	if (range) headers.set('content-range', `bytes ${start}-${end}/${file.bytes}`);
	const body =
		request.method === 'HEAD'
			? null
			: (Readable.toWeb(createReadStream(file.path, { start, end })) as ReadableStream);
	return new Response(body, { status: range ? 206 : 200, headers });
}
