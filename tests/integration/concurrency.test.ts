import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseloadPageSchema, type CaseloadPage } from '$lib/domain/caseload';
import { pushResponseSchema } from '$lib/domain/sync';
import { DEMO, TestClient } from './client';
import { newTestDb, startServer, type RunningServer } from './server';
import {
	count,
	mutations,
	officerOf,
	photoRef,
	pushAs,
	SYNC_SERVER_ENV,
	visitFor,
	type Officer
} from './sync-helpers';
import type { TestDb } from './test-db';

/**
 * Two app servers on one database (two processes on one SQLite file, or two on one PostgreSQL
 * database), as behind a load balancer. Sessions live in the database, so a cookie from one
 * server works on the other.
 */
let db: TestDb;
let a: RunningServer;
let b: RunningServer;
let onA: Officer;
let onB: TestClient;

beforeAll(async () => {
	db = await newTestDb();
	// Started together on the empty database: migrations and the seed must run once.
	[a, b] = await Promise.all([startServer(SYNC_SERVER_ENV, db), startServer(SYNC_SERVER_ENV, db)]);
	const client = new TestClient(a.url);
	await client.signIn(...DEMO.officer1);
	onA = await officerOf(client);
	onB = client.on(b.url);
}, 120_000);
afterAll(async () => {
	await Promise.all([a?.dispose(), b?.dispose()]);
	await db?.drop();
});

async function pull(client: TestClient, cursor?: string, limit = 2000): Promise<CaseloadPage> {
	const q = new URLSearchParams({ limit: String(limit) });
	if (cursor) q.set('cursor', cursor);
	const res = await client.json(`/api/caseload?${q}`);
	expect(res.status).toBe(200);
	return caseloadPageSchema.parse(res.body);
}

describe('two app servers on one database', () => {
	it('seeded once although both started together on an empty database', async () => {
		expect(await count(a, 'users')).toBe(5);
	});

	it('applies the same push, sent to both at the same moment, exactly once', async () => {
		for (let round = 0; round < 8; round++) {
			const device = randomUUID();
			const batch = mutations([0, 1, 2, 3, 4].map((n) => visitFor(onA, n)));
			const [x, y] = await Promise.all([
				pushAs(onA.client, device, batch),
				pushAs(onB, device, batch)
			]);
			for (const res of [x, y]) {
				expect(res.status).toBe(200);
				const body = pushResponseSchema.parse(res.body);
				expect(body.lastAppliedSeq).toBe(5);
				expect(body.results.every((r) => r.status === 'applied' || r.status === 'duplicate')).toBe(
					true
				);
			}
			expect(await count(a, 'visits', 'device_id = ?', device)).toBe(5);
			expect(await count(a, 'audit', "device_id = ? AND outcome = 'accepted'", device)).toBe(5);
		}
	});

	it('stores a photo whose chunks reach both servers at once exactly once', async () => {
		const content = randomBytes(40_000);
		const ref = photoRef(content);
		const visit = visitFor(onA, 0, { photos: [ref] });
		expect((await pushAs(onA.client, randomUUID(), mutations([visit]))).status).toBe(200);
		const put = (client: TestClient, offset: number, part: Buffer) =>
			client.fetch(`/api/photos/${ref.id}/chunk?offset=${offset}`, {
				method: 'PUT',
				headers: { 'content-type': 'application/octet-stream' },
				body: new Uint8Array(part)
			});
		for (const [offset, end] of [
			[0, 16_000],
			[16_000, 40_000]
		] as const) {
			const part = content.subarray(offset, end);
			const answers = await Promise.all([put(onA.client, offset, part), put(onB, offset, part)]);
			// One stores the chunk; the other finds it there (409 with the position, or 200 when it
			// was the completing chunk already done). Never a 500.
			for (const res of answers) expect([200, 409]).toContain(res.status);
		}
		const status = await onB.json<{ received: number; complete: boolean }>(`/api/photos/${ref.id}`);
		expect(status.body).toEqual({ photoId: ref.id, received: 40_000, complete: true });
		expect(await count(a, 'photo_blobs', 'sha256 = ?', ref.sha256)).toBe(1);
		expect(await count(a, 'photo_chunks', 'photo_id = ?', ref.id)).toBe(0);
	});
});

describe('shared sign-in throttle', () => {
	it('a lock-out earned on one server holds on the other, and after a restart', async () => {
		const guess = (url: string, i: number) =>
			new TestClient(url).post('/api/auth/login', { username: 'sergeant', password: `guess${i}` });
		for (let i = 0; i < 8; i++) expect((await guess(a.url, i)).status).toBe(401);
		expect((await guess(b.url, 8)).status).toBe(429);
		await b.stop();
		await b.restart();
		expect((await guess(b.url, 9)).status).toBe(429);
	});
});

describe('the caseload feed with concurrent writers', () => {
	it('never moves its cursor past a change that commits late', async () => {
		const start = (await pull(onA.client)).cursor;
		const subjectId = onA.page.bundles[1]!.subject.id;
		// A writer takes the next counter value and has not committed yet...
		const late = await db.hold(async (q) => {
			const [row] = await q<{ value: number }>(
				"UPDATE counters SET value = value + 1 WHERE name = 'change' RETURNING value"
			);
			await q('UPDATE subjects SET seq = ? WHERE id = ?', row!.value, subjectId);
		});
		// ...while a push arrives on the other server and a pull asks what is new.
		const visit = visitFor(onA, 0);
		const pushed = pushAs(onB, randomUUID(), mutations([visit]));
		const pulling = pull(onA.client, start);
		// On PostgreSQL the pull completes while the writer is still open. On SQLite it cannot:
		// the pull's own writes (its audit entry) wait for the one write lock, and one writer at
		// a time makes a late commit impossible there anyway; so commit first.
		if (db.engine === 'sqlite') await late.commit();
		const during = await pulling;
		if (db.engine === 'postgres') await late.commit();
		expect((await pushed).status).toBe(200);
		const after = await pull(onA.client, during.cursor);
		const seen = [...during.bundles, ...after.bundles].map((x) => x.subject.id);
		expect(seen).toContain(subjectId);
		const receipts = [...during.receipts, ...after.receipts].map((r) => r.visitId);
		expect(receipts).toContain(visit.id);
	});

	it('says hasMore when receipts tied on a shared photo fill a page (an amendment naming its original’s photo)', async () => {
		const start = (await pull(onA.client)).cursor;
		const content = randomBytes(2_000);
		const ref = photoRef(content);
		const first = visitFor(onA, 0);
		const original = visitFor(onA, 1, { photos: [ref] });
		const amendment = visitFor(onA, 1, { photos: [ref], amends: original.id });
		const device = randomUUID();
		const res = await pushAs(onA.client, device, mutations([first, original, amendment]));
		expect(res.body.results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);
		// Completing the photo gives both visits that name it the same, later, sequence.
		const done = await onA.client.fetch(`/api/photos/${ref.id}/chunk?offset=0`, {
			method: 'PUT',
			headers: { 'content-type': 'application/octet-stream' },
			body: new Uint8Array(content)
		});
		expect(done.status).toBe(200);
		const last = visitFor(onA, 2);
		await pushAs(onA.client, device, mutations([last], 4));
		// limit 2: the look-ahead row is the tie's second member, and `last` waits behind it.
		const page = await pull(onA.client, start, 2);
		const ids = page.receipts.map((r) => r.visitId);
		expect(ids[0]).toBe(first.id);
		expect(ids.slice(1).sort()).toEqual([original.id, amendment.id].sort());
		expect(page.hasMore).toBe(true);
		const next = await pull(onA.client, page.cursor, 2);
		expect(next.receipts.map((r) => r.visitId)).toEqual([last.id]);
		expect(next.hasMore).toBe(false);
	});
});
