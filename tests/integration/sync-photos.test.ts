import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseloadPageSchema, type CaseloadPage } from '$lib/domain/caseload';
import {
	PHOTO_CHUNK_BYTES,
	photoOffsetMismatchSchema,
	photoUploadStatusSchema
} from '$lib/domain/sync';
import { MAX_PHOTO_BYTES, type PhotoRef } from '$lib/domain/visit';
import type { TestClient } from './client';
import { startServer, type RunningServer } from './server';
import {
	SYNC_SERVER_ENV,
	count,
	mutations,
	twoOfficers,
	photoRef,
	pushAs,
	visitFor,
	type Officer
} from './sync-helpers';

let server: RunningServer;
let one: Officer;
let two: Officer;

beforeAll(async () => {
	server = await startServer(SYNC_SERVER_ENV);
	[one, two] = await twoOfficers(server.url);
});
afterAll(() => server.dispose());

/** Pushes a visit naming these photos, as the device does before uploading them. */
async function visitWithPhotos(refs: PhotoRef[]): Promise<string> {
	const visit = visitFor(one, 0, { photos: refs });
	const res = await pushAs(one.client, randomUUID(), mutations([visit]));
	expect(res.body.results[0]).toMatchObject({ status: 'applied' });
	return visit.id;
}

function putChunk(client: TestClient, id: string, offset: number, bytes: Buffer) {
	return client.fetch(`/api/photos/${id}/chunk?offset=${offset}`, {
		method: 'PUT',
		headers: { 'content-type': 'application/octet-stream' },
		body: new Uint8Array(bytes)
	});
}

async function upload(client: TestClient, id: string, content: Buffer, from = 0) {
	let last: Response | undefined;
	for (let offset = from; offset < content.byteLength; offset += PHOTO_CHUNK_BYTES) {
		last = await putChunk(client, id, offset, content.subarray(offset, offset + PHOTO_CHUNK_BYTES));
		if (!last.ok) return last;
	}
	return last!;
}

async function status(client: TestClient, id: string) {
	const res = await client.json(`/api/photos/${id}`);
	return {
		status: res.status,
		body: res.status === 200 ? photoUploadStatusSchema.parse(res.body) : res.body
	};
}

describe('chunked, resumable photo upload', () => {
	it('resumes after an interruption from what the server says it holds', async () => {
		const content = randomBytes(PHOTO_CHUNK_BYTES * 3 + 1234);
		const ref = photoRef(content);
		const visitId = await visitWithPhotos([ref]);
		const declared = await one.client.post(
			`/api/photos/${ref.id}`,
			{ visitId, sha256: ref.sha256, bytes: ref.bytes, mimeType: ref.mimeType },
			'PUT'
		);
		expect(declared.body).toEqual({ photoId: ref.id, received: 0, complete: false });

		// Two chunks arrive, then the signal goes.
		for (const offset of [0, PHOTO_CHUNK_BYTES]) {
			const res = await putChunk(
				one.client,
				ref.id,
				offset,
				content.subarray(offset, offset + PHOTO_CHUNK_BYTES)
			);
			expect(res.status).toBe(200);
		}
		const half = await status(one.client, ref.id);
		expect(half.body).toEqual({
			photoId: ref.id,
			received: 2 * PHOTO_CHUNK_BYTES,
			complete: false
		});

		// A client that lost track and starts again is told where to continue.
		const wrong = await putChunk(one.client, ref.id, 0, content.subarray(0, PHOTO_CHUNK_BYTES));
		expect(wrong.status).toBe(409);
		const conflict = photoOffsetMismatchSchema.parse(await wrong.json());
		expect(conflict.status.received).toBe(2 * PHOTO_CHUNK_BYTES);

		const done = await upload(one.client, ref.id, content, conflict.status.received);
		expect(done.status).toBe(200);
		expect(await done.json()).toEqual({
			photoId: ref.id,
			received: content.byteLength,
			complete: true
		});
		expect(await count(server, 'photo_blobs', 'sha256 = ?', ref.sha256)).toBe(1);
		expect(await count(server, 'photo_chunks', 'photo_id = ?', ref.id)).toBe(0);
		// A retried last chunk whose answer was lost is fine.
		const retry = await putChunk(
			one.client,
			ref.id,
			3 * PHOTO_CHUNK_BYTES,
			content.subarray(3 * PHOTO_CHUNK_BYTES)
		);
		expect(retry.status).toBe(200);
	});

	it('confirms the visit again in the feed once its photos are complete', async () => {
		const content = randomBytes(5000);
		const ref = photoRef(content);
		const pull = async (cursor?: string): Promise<CaseloadPage> =>
			caseloadPageSchema.parse(
				(await one.client.json(`/api/caseload${cursor ? `?cursor=${cursor}` : ''}`)).body
			);
		const start = await pull();
		const visitId = await visitWithPhotos([ref]);
		const received = await pull(start.cursor);
		expect(received.receipts).toEqual([
			expect.objectContaining({ visitId, photosComplete: false })
		]);
		expect((await upload(one.client, ref.id, content)).status).toBe(200);
		const complete = await pull(received.cursor);
		expect(complete.receipts).toEqual([expect.objectContaining({ visitId, photosComplete: true })]);
	});

	it('discards an upload whose content does not match its SHA-256', async () => {
		const content = randomBytes(PHOTO_CHUNK_BYTES + 10);
		const ref = photoRef(content);
		await visitWithPhotos([ref]);
		const tampered = Buffer.from(content);
		tampered[PHOTO_CHUNK_BYTES + 3] = tampered[PHOTO_CHUNK_BYTES + 3]! ^ 0xff;
		const blobs = await count(server, 'photo_blobs');
		const res = await upload(one.client, ref.id, tampered);
		expect(res.status).toBe(422);
		expect(((await res.json()) as { error: { code: string } }).error.code).toBe(
			'photo-hash-mismatch'
		);
		expect(await count(server, 'photo_blobs')).toBe(blobs);
		expect(await count(server, 'photo_chunks', 'photo_id = ?', ref.id)).toBe(0);
		expect((await status(one.client, ref.id)).body).toEqual({
			photoId: ref.id,
			received: 0,
			complete: false
		});
		// The right bytes go through afterwards.
		expect((await upload(one.client, ref.id, content)).status).toBe(200);
	});

	it('refuses a photo over the size limit, writing nothing', async () => {
		const ref = photoRef(Buffer.from('x'), { bytes: MAX_PHOTO_BYTES + 1 });
		const visitId = await visitWithPhotos([ref]);
		const declared = await one.client.post(
			`/api/photos/${ref.id}`,
			{ visitId, sha256: ref.sha256, bytes: ref.bytes, mimeType: ref.mimeType },
			'PUT'
		);
		expect(declared.status).toBe(413);
		expect((declared.body as { error: { code: string } }).error.code).toBe('photo-too-large');
		const res = await putChunk(one.client, ref.id, 0, randomBytes(1000));
		expect(res.status).toBe(413);
		expect(((await res.json()) as { error: { code: string } }).error.code).toBe('photo-too-large');
		expect(await count(server, 'photo_chunks', 'photo_id = ?', ref.id)).toBe(0);
		// More bytes than the photo was declared with are refused the same way.
		const small = photoRef(randomBytes(100));
		await visitWithPhotos([small]);
		const over = await putChunk(one.client, small.id, 0, randomBytes(200));
		expect(over.status).toBe(413);
		expect(await count(server, 'photo_chunks', 'photo_id = ?', small.id)).toBe(0);
	});

	it('stores the same content once however many photos carry it', async () => {
		const content = randomBytes(20_000);
		const a = photoRef(content);
		const b = photoRef(content);
		await visitWithPhotos([a, b]);
		expect((await upload(one.client, a.id, content)).status).toBe(200);
		expect((await upload(one.client, b.id, content)).status).toBe(200);
		expect(await count(server, 'photo_blobs', 'sha256 = ?', a.sha256)).toBe(1);
		expect((await status(one.client, b.id)).body).toMatchObject({ complete: true });
	});

	it('lets only the officer who recorded the visit upload or ask', async () => {
		const content = randomBytes(100);
		const ref = photoRef(content);
		await visitWithPhotos([ref]);
		expect((await status(two.client, ref.id)).status).toBe(404);
		expect((await putChunk(two.client, ref.id, 0, content)).status).toBe(404);
		expect((await status(one.client, ref.id)).status).toBe(200);
		expect((await status(one.client, randomUUID())).status).toBe(404);
	});
});
