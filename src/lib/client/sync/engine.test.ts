import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeVisit, uuid } from '$lib/domain/testing';
import { database, FieldcheckDatabase, useDatabase } from '../db/database';
import { finaliseVisit, outboxCounts } from '../db/visits-store';
import * as syncValues from '../db/sync-values';
import { ApiError } from './api';
import { backoffMs, runSync, type SyncProgress } from './engine';
import { FakeSyncServer, feedPage } from './testing';
import { unlockForTests } from '../db/crypto/testing';

let server: FakeSyncServer;

beforeEach(async () => {
	await unlockForTests();
	useDatabase(new FieldcheckDatabase(`engine-test-${crypto.randomUUID()}`));
	server = new FakeSyncServer(new Map([['', feedPage('c1')]]));
	vi.stubGlobal('fetch', server.fetch);
});
afterEach(async () => {
	vi.unstubAllGlobals();
	await database().delete();
});

describe('runSync', () => {
	it('sends what was recorded, then brings the caseload up to date, reporting each phase', async () => {
		await finaliseVisit(makeVisit({ id: uuid(1) }), 'Synthetic Person');
		await finaliseVisit(makeVisit({ id: uuid(2) }), 'Synthetic Person');
		const phases: SyncProgress['phase'][] = [];

		const outcome = await runSync((p) => {
			if (phases.at(-1) !== p.phase) phases.push(p.phase);
		});

		expect(outcome).toEqual({ pushed: 2, pulled: 0 });
		expect(phases).toEqual(['pushing', 'photos', 'pulling']);
		expect(server.pushes).toEqual([[1, 2]]);
		expect(await outboxCounts()).toMatchObject({ waiting: 0, total: 2 });
		expect(await syncValues.cursor.get()).toBe('c1');
	});

	it('still pulls after a push the server defers, leaving the deferred visits queued', async () => {
		await finaliseVisit(makeVisit({ id: uuid(1) }), 'Synthetic Person');
		server.answerPush = (seqs) =>
			seqs.map((seq) => ({ seq, status: 'deferred', code: 'sequence-gap', message: 'gap' }));
		await runSync();
		expect(await outboxCounts()).toMatchObject({ waiting: 1 });
		expect(server.pulls).toEqual(['|250']);
	});

	it('fails as a whole when the server cannot be reached, changing nothing', async () => {
		await finaliseVisit(makeVisit({ id: uuid(1) }), 'Synthetic Person');
		server.offlineFrom = 1;
		await expect(runSync()).rejects.toBeInstanceOf(ApiError);
		expect(await outboxCounts()).toMatchObject({ waiting: 1 });
		expect(server.pulls).toEqual([]);
	});

	it('a second sync after an interrupted one sends each visit exactly once', async () => {
		for (let i = 1; i <= 3; i++) await finaliseVisit(makeVisit({ id: uuid(i) }), 'S');
		// The server applies the push, but the answer is lost on the way back.
		const real = server.fetch;
		let lose = true;
		vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
			const res = await real(input, init);
			if (lose && String(input).includes('/api/sync/push')) {
				lose = false;
				throw new TypeError('Failed to fetch');
			}
			return res;
		});
		await expect(runSync()).rejects.toBeInstanceOf(ApiError);
		await runSync();
		expect(server.lastAppliedSeq).toBe(3);
		expect(server.pushes).toEqual([
			[1, 2, 3],
			[1, 2, 3]
		]);
		expect(await outboxCounts()).toMatchObject({ waiting: 0 });
	});
});

describe('backoffMs', () => {
	it('doubles from 5 s and stops at 5 minutes', () => {
		expect([0, 1, 2, 10].map(backoffMs)).toEqual([5_000, 10_000, 20_000, 300_000]);
	});
});
