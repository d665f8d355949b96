import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
// Test data only: the seed generator is pure and never reaches the browser bundle.
// eslint-disable-next-line no-restricted-imports
import { generatedBundles } from '$lib/server/seed/bundles';
import { database, FieldcheckDatabase, useDatabase } from '../db/database';
import { unlockForTests } from '../db/crypto/testing';
import { ApiError } from './api';
import { FeedAhead } from './feed-ahead';
import type { FeedRequest as Asked } from './feed-check';
import { FeedReader, type WorkerLike } from './feed-reader';
import { FakeSyncServer, feedOf, feedPage } from './testing';

const bundles = generatedBundles({ seed: 5, subjects: 3 });

/**
 * A worker on this thread that runs the real worker's code (FeedAhead) and answers as
 * a worker does, a turn later; `reply` lets a test make it misbehave.
 */
class ThreadlessWorker implements WorkerLike {
	readonly #listeners = {
		message: [] as ((e: MessageEvent) => void)[],
		error: [] as ((e: MessageEvent) => void)[]
	};
	readonly asked: string[] = [];
	terminated = false;
	readonly #feed = new FeedAhead();
	reply: (message: Asked) => Promise<unknown> = async ({ id, path, headers, nextLimit }) => ({
		id,
		answer: await this.#feed.answer(path, headers, nextLimit)
	});

	postMessage(message: unknown): void {
		const m = message as Asked;
		this.asked.push(m.path);
		void this.reply(m).then((data) => {
			if (data !== undefined) this.emit('message', data);
		});
	}
	addEventListener(type: 'message' | 'error', listener: (event: MessageEvent) => void): void {
		this.#listeners[type].push(listener);
	}
	terminate(): void {
		this.terminated = true;
	}
	emit(type: 'message' | 'error', data: unknown): void {
		if (this.terminated) return;
		for (const l of this.#listeners[type]) l(new MessageEvent(type, { data }));
	}
}

const first = '/api/caseload?limit=3';

beforeEach(async () => {
	await unlockForTests();
	useDatabase(new FieldcheckDatabase(`feed-test-${crypto.randomUUID()}`));
});
afterEach(async () => {
	vi.unstubAllGlobals();
	await database().delete();
});

describe('FeedReader', () => {
	it('gives back each page as the worker checked it', async () => {
		const server = new FakeSyncServer(feedOf(bundles, 3));
		vi.stubGlobal('fetch', server.fetch);
		const worker = new ThreadlessWorker();
		const feed = new FeedReader(() => worker);

		const page = await feed.page(first, 3);

		expect(worker.asked).toEqual([first]);
		expect(page).toEqual(server.pages.get(''));
		feed.close();
		expect(worker.terminated).toBe(true);
	});

	it('checks pages on this thread when there is no worker', async () => {
		const server = new FakeSyncServer(feedOf(bundles, 3));
		vi.stubGlobal('fetch', server.fetch);
		const page = await new FeedReader(null).page(first, 3);
		expect(page.bundles).toHaveLength(3);
		expect(server.pulls).toEqual(['|3']);
	});

	it('refuses a page that breaks the contract, with or without the worker', async () => {
		const broken = feedPage('p1', { remaining: -1 });
		const server = new FakeSyncServer(new Map([['', broken]]));
		vi.stubGlobal('fetch', server.fetch);
		for (const feed of [new FeedReader(() => new ThreadlessWorker()), new FeedReader(null)]) {
			const failure = await feed.page(first, 3).catch((e: unknown) => e);
			expect(failure).toBeInstanceOf(ApiError);
			expect((failure as ApiError).problem.kind).toBe('bad-response');
		}
	});

	it("passes the server's refusals on as the API's own errors", async () => {
		const server = new FakeSyncServer(new Map());
		vi.stubGlobal('fetch', server.fetch);
		const failure = await new FeedReader(() => new ThreadlessWorker())
			.page('/api/caseload?limit=3&cursor=gone', 3)
			.catch((e: unknown) => e);
		expect((failure as ApiError).problem).toEqual({
			kind: 'rejected',
			status: 400,
			code: 'bad-cursor',
			message: 'gone'
		});
	});

	it('says offline when the connection is gone', async () => {
		const server = new FakeSyncServer(feedOf(bundles, 3));
		server.offlineFrom = 1;
		vi.stubGlobal('fetch', server.fetch);
		const failure = await new FeedReader(() => new ThreadlessWorker())
			.page(first, 3)
			.catch((e: unknown) => e);
		expect((failure as ApiError).problem).toEqual({ kind: 'offline' });
	});

	it('asks again on this thread when the worker fails, and stops using it', async () => {
		const server = new FakeSyncServer(feedOf(bundles, 3));
		vi.stubGlobal('fetch', server.fetch);
		const worker = new ThreadlessWorker();
		worker.reply = async () => undefined;
		const feed = new FeedReader(() => worker);

		const asked = feed.page(first, 3);
		await vi.waitFor(() => expect(worker.asked).toEqual([first]));
		worker.emit('error', null);

		expect((await asked).bundles).toHaveLength(3);
		expect(worker.terminated).toBe(true);
		expect(server.pulls).toEqual(['|3']);
	});

	it('does not trust a message that is not an answer: the page is asked for again here', async () => {
		const server = new FakeSyncServer(feedOf(bundles, 3));
		vi.stubGlobal('fetch', server.fetch);
		const worker = new ThreadlessWorker();
		worker.reply = async ({ id }) => ({ id, answer: { kind: 'page', status: 200, json: 7 } });

		const page = await new FeedReader(() => worker).page(first, 3);

		expect(page.bundles).toHaveLength(3);
		expect(worker.terminated).toBe(true);
	});

	it('abandons a prefetch still under way when the download ends', async () => {
		const worker = new ThreadlessWorker();
		worker.reply = async () => undefined;
		const feed = new FeedReader(() => worker);
		const prefetch = feed.page(first, 3).catch((e: unknown) => e);
		await vi.waitFor(() => expect(worker.asked).toHaveLength(1));

		feed.close();

		expect(((await prefetch) as ApiError).problem).toEqual({ kind: 'offline' });
	});
});
