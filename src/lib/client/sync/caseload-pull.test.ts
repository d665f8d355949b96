import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
// Test data only: the seed generator is pure and never reaches the browser bundle.
// eslint-disable-next-line no-restricted-imports
import { generatedBundles } from '$lib/server/seed/bundles';
import { countSubjects } from '../db/caseload-store';
import { database, FieldcheckDatabase, useDatabase } from '../db/database';
import * as syncValues from '../db/sync-values';
import { ApiError } from './api';
import { pullCaseload, type PullProgress } from './caseload-pull';
import { FakeSyncServer, feedOf, feedPage } from './testing';
import { unlockForTests } from '../db/crypto/testing';

const bundles = generatedBundles({ seed: 11, subjects: 7 });

beforeEach(async () => {
	await unlockForTests();
	useDatabase(new FieldcheckDatabase(`pull-test-${crypto.randomUUID()}`));
});
afterEach(async () => {
	vi.unstubAllGlobals();
	await database().delete();
});

describe('pullCaseload', () => {
	it('follows the cursor page by page, small first page then full ones, storing every subject', async () => {
		const server = new FakeSyncServer(feedOf(bundles, 3));
		vi.stubGlobal('fetch', server.fetch);
		const progress: PullProgress[] = [];

		expect(await pullCaseload((p) => progress.push(p), 3)).toEqual({ done: 7, total: 7 });

		expect(server.pulls).toEqual(['|3', 'p1|3', 'p2|3']);
		expect(progress).toEqual([
			{ done: 3, total: 7 },
			{ done: 6, total: 7 },
			{ done: 7, total: 7 }
		]);
		expect(await countSubjects()).toBe(7);
		expect(await syncValues.cursor.get()).toBe('p3');
		expect(await syncValues.lastSyncedAt.get()).toBe('2026-11-27T18:00:00.000Z');
	});

	it('asks for a first page of at most 250, then the page size', async () => {
		const server = new FakeSyncServer(feedOf(bundles, 4));
		vi.stubGlobal('fetch', server.fetch);
		await pullCaseload(undefined, 2000);
		expect(server.pulls).toEqual(['|250', 'p1|2000']);
	});

	it('resumes from the stored cursor, so a sync asks only for what changed', async () => {
		const pages = feedOf(bundles, 3);
		pages.set('p3', feedPage('p4'));
		const server = new FakeSyncServer(pages);
		vi.stubGlobal('fetch', server.fetch);
		await pullCaseload(undefined, 3);
		await pullCaseload(undefined, 3);
		expect(server.pulls.at(-1)).toBe('p3|3');
		expect(await syncValues.cursor.get()).toBe('p4');
	});

	it('keeps every whole page stored when the connection drops mid-download', async () => {
		const server = new FakeSyncServer(feedOf(bundles, 3));
		server.offlineFrom = 2;
		vi.stubGlobal('fetch', server.fetch);
		await expect(pullCaseload(undefined, 3)).rejects.toBeInstanceOf(ApiError);
		expect(await countSubjects()).toBe(3);
		expect(await syncValues.cursor.get()).toBe('p1');

		server.offlineFrom = null;
		await pullCaseload(undefined, 3);
		expect(server.pulls.at(-2)).toBe('p1|3');
		expect(await countSubjects()).toBe(7);
	});
});
