import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeVisit, uuid } from '$lib/domain/testing';
import { database, FieldcheckDatabase, useDatabase } from '../db/database';
import { finaliseVisit } from '../db/visits-store';
import { ApiError } from './api';
import { PUSH_BATCH, pushOutbox, type PushProgress } from './push';
import { FakeSyncServer } from './testing';
import { unlockForTests } from '../db/crypto/testing';

let server: FakeSyncServer;

/** Finalises `n` visits on the device: outbox entries with seq 1..n. */
async function recordVisits(n: number): Promise<void> {
	for (let i = 1; i <= n; i++) await finaliseVisit(makeVisit({ id: uuid(i) }), 'Synthetic Person');
}

beforeEach(async () => {
	await unlockForTests();
	useDatabase(new FieldcheckDatabase(`push-test-${crypto.randomUUID()}`));
	server = new FakeSyncServer();
	vi.stubGlobal('fetch', server.fetch);
});
afterEach(async () => {
	vi.unstubAllGlobals();
	await database().delete();
});

describe('pushOutbox', () => {
	it('sends the outbox oldest first, batch by batch, until it is empty', async () => {
		await recordVisits(PUSH_BATCH + 20);
		const progress: PushProgress[] = [];
		const results = await pushOutbox(PUSH_BATCH + 20, (p) => progress.push(p));

		expect(server.pushes.map((b) => b.length)).toEqual([PUSH_BATCH, 20]);
		expect(server.pushes.flat()).toEqual(Array.from({ length: PUSH_BATCH + 20 }, (_, i) => i + 1));
		expect(results.every((r) => r.status === 'applied')).toBe(true);
		expect(progress.at(-1)).toEqual({ sent: PUSH_BATCH + 20, total: PUSH_BATCH + 20 });
		expect(await database().outbox.count()).toBe(0);
		expect((await database().visits.get(uuid(1)))?.state).toBe('sent');
	});

	it('stops after one round when the server defers a whole batch, keeping it queued', async () => {
		await recordVisits(3);
		// The server is missing an earlier sequence number: it defers everything, every time.
		server.answerPush = (seqs) =>
			seqs.map((seq) => ({ seq, status: 'deferred', code: 'sequence-gap', message: 'gap' }));

		const results = await pushOutbox(3);

		expect(server.pushes).toEqual([[1, 2, 3]]);
		expect(results.map((r) => r.status)).toEqual(['deferred', 'deferred', 'deferred']);
		expect(await database().outbox.count()).toBe(3);
	});

	it('treats a replay the server already holds as done (duplicate), not as an error', async () => {
		await recordVisits(2);
		server.lastAppliedSeq = 1;
		const results = await pushOutbox(2);
		expect(results.map((r) => r.status)).toEqual(['duplicate', 'applied']);
		expect(await database().outbox.count()).toBe(0);
	});

	it('keeps a rejected visit on the device, marked with the reason, and out of the outbox', async () => {
		await recordVisits(1);
		server.answerPush = (seqs) =>
			seqs.map((seq) => ({ seq, status: 'rejected', code: 'invalid-visit', message: 'No' }));
		await pushOutbox(1);
		expect(await database().outbox.count()).toBe(0);
		expect(await database().visits.get(uuid(1))).toMatchObject({
			state: 'rejected',
			rejection: { code: 'invalid-visit', message: 'No' }
		});
	});

	it('notes the failed attempt on every entry of the batch and throws when offline', async () => {
		await recordVisits(2);
		server.offlineFrom = 1;
		await expect(pushOutbox(2)).rejects.toBeInstanceOf(ApiError);
		const entries = await database().outbox.toArray();
		expect(entries.map((e) => [e.attempts, e.lastError])).toEqual([
			[1, 'offline'],
			[1, 'offline']
		]);
	});
});
