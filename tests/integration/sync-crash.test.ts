import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Mutation, PushResponse } from '$lib/domain/sync';
import { DEMO, TestClient } from './client';
import { startServer, type RunningServer } from './server';
import {
	SYNC_SERVER_ENV,
	count,
	mutations,
	officerOf,
	pushBody,
	query,
	visitFor,
	type Officer
} from './sync-helpers';

let server: RunningServer;
let one: Officer;

beforeAll(async () => {
	server = await startServer(SYNC_SERVER_ENV);
	const client = new TestClient(server.url);
	await client.signIn(...DEMO.officer1);
	one = await officerOf(client);
});
afterAll(() => server.dispose());

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Sends a push; a connection cut by the crash is `undefined`, as on a device. */
async function send(device: string, batch: Mutation[]): Promise<PushResponse | undefined> {
	try {
		const res = await one.client.post('/api/sync/push', pushBody(device, batch));
		return res.status === 200 ? (res.body as PushResponse) : undefined;
	} catch {
		return undefined;
	}
}

const stored = (device: string) => count(server, 'visits', 'device_id = ?', device);

describe('a server killed in the middle of a push', () => {
	it('keeps every visit exactly once after SIGKILL, restart and a resend', async () => {
		// How long a warm 1,000-visit push takes here, so the kills land before, during and after.
		const batchOf = () => mutations(Array.from({ length: 1000 }, (_, i) => visitFor(one, i)));
		expect(await send(randomUUID(), batchOf())).toBeDefined();
		const t0 = performance.now();
		expect(await send(randomUUID(), batchOf())).toBeDefined();
		const pushMs = performance.now() - t0;

		const device = randomUUID();
		const all = mutations(Array.from({ length: 4000 }, (_, i) => visitFor(one, i)));
		let acked = 0;
		const outcomes: string[] = [];
		for (const fraction of [0.05, 0.2, 0.4, 0.6, 0.8, 0.9, 1, 1.2]) {
			const batch = all.slice(acked, acked + 1000);
			const before = await stored(device);
			const inFlight = send(device, batch);
			await sleep(pushMs * fraction);
			await server.kill();
			const answer = await inFlight;
			await server.restart();
			const after = await stored(device);
			// One transaction: all of the batch or none of it, never part.
			expect([before, before + batch.length]).toContain(after);
			outcomes.push(
				after === before ? 'lost before commit' : answer ? 'answered' : 'committed, answer lost'
			);
			// The device only knows what it was told.
			if (answer) acked = Math.max(acked, answer.lastAppliedSeq);
		}
		expect(outcomes).toContain('lost before commit');

		// Back at the station: resend from lastAppliedSeq + 1 until all is acknowledged.
		while (acked < all.length) {
			const answer = await send(device, all.slice(acked, acked + 1000));
			expect(answer).toBeDefined();
			expect(answer!.results.every((r) => r.status === 'applied' || r.status === 'duplicate')).toBe(
				true
			);
			acked = answer!.lastAppliedSeq;
		}

		const rows = await query<{ id: string; device_seq: number }>(
			server,
			'SELECT id, device_seq FROM visits WHERE device_id = ? ORDER BY device_seq',
			device
		);
		expect(rows.map((r) => r.id)).toEqual(all.map((m) => m.visit.id));
		expect(rows.map((r) => r.device_seq)).toEqual(all.map((m) => m.seq));
		expect(await query(server, 'SELECT last_seq FROM devices WHERE id = ?', device)).toEqual([
			{ last_seq: all.length }
		]);
		if (server.db.engine === 'sqlite') {
			expect(await query(server, 'PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
		}
	}, 120_000);
});
