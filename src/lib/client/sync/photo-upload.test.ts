import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeVisit, uuid } from '$lib/domain/testing';
import { database, FieldcheckDatabase, useDatabase } from '../db/database';
import { uploadPendingPhotos } from './photo-upload';
import { unlockForTests } from '../db/crypto/testing';

const content = new TextEncoder().encode('ten bytes!');
const visit = makeVisit({ id: uuid(1) });
const photoId = uuid(2, 'b');

/** The server's side of the exchange, as JSON responses keyed by what was asked. */
function server(chunkAnswers: Response[]) {
	const offsets: number[] = [];
	const fetchMock = vi.fn(async (input: RequestInfo | URL) => {
		const url = new URL(String(input), 'http://device.test');
		if (url.pathname === `/api/photos/${photoId}`) {
			return Response.json({ photoId, received: 0, complete: false });
		}
		offsets.push(Number(url.searchParams.get('offset')));
		return chunkAnswers.shift() ?? new Response(null, { status: 500 });
	});
	vi.stubGlobal('fetch', fetchMock);
	return offsets;
}

beforeEach(async () => {
	await unlockForTests();
	useDatabase(new FieldcheckDatabase(`test-${crypto.randomUUID()}`));
	const db = database();
	await db.visits.put({
		id: visit.id,
		subjectId: visit.subjectId,
		subjectName: 'Synthetic Person',
		visit,
		state: 'sent',
		savedAt: '2026-11-27T10:15:00.000Z',
		receivedAt: '2026-11-27T10:20:00.000Z',
		rejection: null
	});
	await db.photos.put({
		id: photoId,
		sha256: 'a'.repeat(64),
		bytes: content.length,
		mimeType: 'image/jpeg',
		width: 4,
		height: 3,
		visitId: visit.id,
		blob: new Blob([content]),
		takenAt: '',
		uploaded: 0,
		complete: 0
	});
});
afterEach(() => vi.unstubAllGlobals());

describe('uploading photos', () => {
	it('resumes from where the server says it is after a 409 offset mismatch', async () => {
		const offsets = server([
			Response.json(
				{
					error: { code: 'photo-offset-mismatch', message: 'The server holds 4 bytes' },
					status: { photoId, received: 4, complete: false }
				},
				{ status: 409 }
			),
			Response.json({ photoId, received: content.length, complete: true })
		]);
		expect(await uploadPendingPhotos()).toEqual({ uploaded: 1, failed: 0 });
		expect(offsets).toEqual([0, 4]);
		expect(await database().photos.get(photoId)).toMatchObject({ complete: 1, uploaded: 10 });
	});

	it('counts a photo as failed, keeping it for the next sync, when the answer makes no sense', async () => {
		server([Response.json({ nonsense: true }, { status: 409 })]);
		expect(await uploadPendingPhotos()).toEqual({ uploaded: 0, failed: 1 });
		expect(await database().photos.get(photoId)).toMatchObject({ complete: 0 });
	});
});
