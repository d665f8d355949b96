import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseloadPageSchema } from '$lib/domain/caseload';
import { pushResponseSchema } from '$lib/domain/sync';
import { DEMO, TestClient } from './client';
import { startServer, type RunningServer } from './server';
import {
	SYNC_SERVER_ENV,
	count,
	mutations,
	twoOfficers,
	pushAs,
	pushBody,
	query,
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

/** Everything a push may write, to prove a refused one wrote none of it. */
const footprint = () =>
	Promise.all(
		['visits', 'devices', 'mutation_outcomes', 'photos', 'audit'].map((t) => count(server, t))
	);

describe('POST /api/sync/push', () => {
	it('stores a batch, and a replay of it changes nothing', async () => {
		const device = randomUUID();
		const batch = mutations([visitFor(one, 0), visitFor(one, 1), visitFor(one, 2)]);
		const res = await pushAs(one.client, device, batch);
		expect(res.status).toBe(200);
		const body = pushResponseSchema.parse(res.body);
		expect(body.lastAppliedSeq).toBe(3);
		expect(body.results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);
		const stored = await query<{ id: string; data: string; device_seq: number }>(
			server,
			'SELECT id, data, device_seq FROM visits WHERE device_id = ? ORDER BY device_seq',
			device
		);
		expect(stored.map((v) => v.id)).toEqual(batch.map((m) => m.visit.id));
		expect(JSON.parse(stored[0]!.data)).toEqual(batch[0]!.visit);

		const before = await footprint();
		const replay = await pushAs(one.client, device, batch);
		expect(replay.status).toBe(200);
		expect(replay.body.results.map((r) => r.status)).toEqual([
			'duplicate',
			'duplicate',
			'duplicate'
		]);
		expect(replay.body.results[0]).toMatchObject({
			receivedAt: (body.results[0] as { receivedAt: string }).receivedAt
		});
		expect(await footprint()).toEqual(before);
	});

	it('reports a gap explicitly and applies nothing after it', async () => {
		const device = randomUUID();
		const batch = mutations([visitFor(one, 0), visitFor(one, 1), visitFor(one, 2)]);
		const res = await pushAs(one.client, device, [batch[0], batch[2]]);
		expect(res.body.lastAppliedSeq).toBe(1);
		expect(res.body.results[1]).toMatchObject({
			seq: 3,
			status: 'deferred',
			code: 'sequence-gap',
			message: expect.stringContaining('Send again from 2')
		});
		expect(await count(server, 'visits', 'device_id = ?', device)).toBe(1);
		const resend = await pushAs(one.client, device, batch.slice(1));
		expect(resend.body.results.map((r) => r.status)).toEqual(['applied', 'applied']);
		expect(await count(server, 'visits', 'device_id = ?', device)).toBe(3);
	});

	it('rejects another officer’s subject with not-assigned, and the rejection is final', async () => {
		const device = randomUUID();
		const foreign = visitFor(one, 0, {
			subjectId: two.page.bundles[0]!.subject.id,
			addressId: two.page.bundles[0]!.addresses[0]!.id
		});
		const batch = mutations([foreign, visitFor(one, 1)]);
		const res = await pushAs(one.client, device, batch);
		expect(res.body.results[0]).toMatchObject({ status: 'rejected', code: 'not-assigned' });
		expect(res.body.results[1]).toMatchObject({ status: 'applied' });
		expect(res.body.lastAppliedSeq).toBe(2);
		expect(await count(server, 'visits', 'id = ?', foreign.id)).toBe(0);
		const audit = await query<{ outcome: string; detail: string }>(
			server,
			'SELECT outcome, detail FROM audit WHERE device_id = ? ORDER BY id',
			device
		);
		expect(audit).toEqual([
			{ outcome: 'rejected', detail: 'seq=1 code=not-assigned' },
			{ outcome: 'accepted', detail: 'seq=2' }
		]);
	});

	it('rejects a mutation with missing or wrong fields on its own, naming the fields', async () => {
		const device = randomUUID();
		const [good, bad] = mutations([visitFor(one, 0), visitFor(one, 1)]);
		const { notes: _notes, ...withoutNotes } = bad!.visit;
		const broken = { ...bad, visit: { ...withoutNotes, result: 'arrested' } };
		const res = await pushAs(one.client, device, [good, broken]);
		expect(res.status).toBe(200);
		const rejected = res.body.results[1]!;
		expect(rejected).toMatchObject({ status: 'rejected', code: 'invalid-mutation' });
		expect((rejected as { message: string }).message).toMatch(/visit\.notes/);
		expect((rejected as { message: string }).message).toMatch(/visit\.result/);
		expect(await count(server, 'visits', 'id = ?', bad!.visit.id)).toBe(0);
	});

	it.each([
		['no mutations', (d: string) => pushBody(d, []), 400, 'invalid-body'],
		['no device id', () => ({ protocolVersion: 1, mutations: [{ seq: 1 }] }), 400, 'invalid-body'],
		[
			'a mutation without seq',
			(d: string) => pushBody(d, [{ type: 'record-visit' }]),
			400,
			'invalid-body'
		],
		[
			'an old protocol',
			(d: string) => ({ ...pushBody(d, [{ seq: 1 }]), protocolVersion: 0 }),
			409,
			'protocol-mismatch'
		],
		['malformed JSON', () => '{"protocolVersion": 1,', 400, 'bad-json']
	])('refuses a push with %s, writing nothing', async (_name, make, status, code) => {
		const before = await footprint();
		const res = await one.client.post('/api/sync/push', make(randomUUID()));
		expect(res.status).toBe(status);
		expect((res.body as { error: { code: string } }).error.code).toBe(code);
		expect(await footprint()).toEqual(before);
	});

	it('tells an out-of-date app to update', async () => {
		const res = await one.client.post('/api/sync/push', {
			...pushBody(randomUUID(), []),
			protocolVersion: 0
		});
		expect((res.body as { error: { message: string } }).error.message).toMatch(/update the app/);
	});

	it('refuses another device’s sequence (a device registered to another officer), writing nothing', async () => {
		const device = randomUUID();
		expect((await pushAs(two.client, device, mutations([visitFor(two, 0)]))).status).toBe(200);
		const before = await footprint();
		const res = await pushAs(one.client, device, mutations([visitFor(one, 0)], 2));
		expect(res.status).toBe(403);
		expect(res.body.error?.code).toBe('device-mismatch');
		// Nothing written but the audit entry every refusal gets (issue 8).
		const after = await footprint();
		expect(after.slice(0, 4)).toEqual(before.slice(0, 4));
		expect(after[4]).toBe(before[4]! + 1);
		expect(await query(server, 'SELECT last_seq FROM devices WHERE id = ?', device)).toEqual([
			{ last_seq: 1 }
		]);
	});

	it('refuses a visit recorded under another officer’s id', async () => {
		const v = visitFor(one, 0, { officerId: two.id });
		const res = await pushAs(one.client, randomUUID(), mutations([v]));
		expect(res.body.results[0]).toMatchObject({ status: 'rejected', code: 'wrong-officer' });
	});

	it('keeps the push to officers and signed-in users', async () => {
		const sergeant = new TestClient(server.url);
		await sergeant.signIn(...DEMO.sergeant);
		const body = pushBody(randomUUID(), mutations([visitFor(one, 0)]));
		expect((await sergeant.post('/api/sync/push', body)).status).toBe(403);
		expect((await new TestClient(server.url).post('/api/sync/push', body)).status).toBe(401);
	});

	it('confirms receipts in the caseload feed, once, with the cursor moving past them', async () => {
		const start = caseloadPageSchema.parse((await one.client.json('/api/caseload')).body);
		const batch = mutations([visitFor(one, 0), visitFor(one, 1)]);
		await pushAs(one.client, randomUUID(), batch);
		// Another officer's visits are not theirs to see.
		await pushAs(two.client, randomUUID(), mutations([visitFor(two, 0)]));
		const next = caseloadPageSchema.parse(
			(await one.client.json(`/api/caseload?cursor=${start.cursor}`)).body
		);
		expect(next.receipts.map((r) => r.visitId)).toEqual(batch.map((m) => m.visit.id));
		expect(next.receipts.every((r) => r.photosComplete)).toBe(true);
		expect(next.bundles).toEqual([]);
		const after = caseloadPageSchema.parse(
			(await one.client.json(`/api/caseload?cursor=${next.cursor}`)).body
		);
		expect(after.receipts).toEqual([]);
	});

	it('pages receipts and subject changes with one cursor, each exactly once', async () => {
		const start = caseloadPageSchema.parse((await one.client.json('/api/caseload')).body);
		const device = randomUUID();
		const first = mutations([visitFor(one, 0), visitFor(one, 1), visitFor(one, 2)]);
		await pushAs(one.client, device, first);
		const sergeant = new TestClient(server.url);
		await sergeant.signIn(...DEMO.sergeant);
		const bundle = one.page.bundles.find((b) => b.orders.length > 0)!;
		const varied = await sergeant.post(`/api/orders/${bundle.orders[0]!.id}/status`, {
			status: 'varied'
		});
		expect(varied.status).toBe(200);
		const second = mutations([visitFor(one, 3), visitFor(one, 4), visitFor(one, 5)], 4);
		await pushAs(one.client, device, second);

		const receipts: string[] = [];
		const subjects: string[] = [];
		let cursor = start.cursor;
		for (let pages = 0; ; pages++) {
			expect(pages).toBeLessThan(20);
			const page = caseloadPageSchema.parse(
				(await one.client.json(`/api/caseload?limit=2&cursor=${cursor}`)).body
			);
			expect(page.receipts.length).toBeLessThanOrEqual(2);
			receipts.push(...page.receipts.map((r) => r.visitId));
			subjects.push(...page.bundles.map((b) => b.subject.id));
			cursor = page.cursor;
			if (!page.hasMore) break;
		}
		expect(receipts).toEqual([...first, ...second].map((m) => m.visit.id));
		expect(subjects).toEqual([bundle.subject.id]);
	});
});
