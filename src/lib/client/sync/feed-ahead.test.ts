import { afterEach, describe, expect, it, vi } from 'vitest';
// Test data only: the seed generator is pure and never reaches the browser bundle.
// eslint-disable-next-line no-restricted-imports
import { generatedBundles } from '$lib/server/seed/bundles';
import { FeedAhead } from './feed-ahead';
import { feedPath, type FeedAnswer } from './feed-check';
import { FakeSyncServer, feedOf } from './testing';

const bundles = generatedBundles({ seed: 3, subjects: 8 });

afterEach(() => vi.unstubAllGlobals());

function serve(size: number): FakeSyncServer {
	const server = new FakeSyncServer(feedOf(bundles, size));
	vi.stubGlobal('fetch', server.fetch);
	return server;
}

const cursorOf = (answer: FeedAnswer) =>
	answer.kind === 'page' ? (JSON.parse(answer.json) as { cursor: string }).cursor : null;

describe('FeedAhead', () => {
	it('has the next page on its way by the time a page is answered, and fetches it once', async () => {
		const server = serve(3);
		const feed = new FeedAhead();

		const first = await feed.answer(feedPath(undefined, 3), {}, 3);
		expect(server.pulls).toEqual(['|3', 'p1|3']);

		const second = await feed.answer(feedPath(cursorOf(first)!, 3), {}, 3);
		expect(cursorOf(second)).toBe('p2');
		await vi.waitFor(() => expect(server.pulls).toEqual(['|3', 'p1|3', 'p2|3']));
		const third = await feed.answer(feedPath('p2', 3), {}, 3);
		expect(cursorOf(third)).toBe('p3');
		// The last page names no next one: nothing more is asked of the server.
		await new Promise((r) => setTimeout(r, 20));
		expect(server.pulls).toEqual(['|3', 'p1|3', 'p2|3']);
	});

	it('asks the next page at the size the page will ask for, after a small first page', async () => {
		const server = serve(2);
		const feed = new FeedAhead();
		await feed.answer(feedPath(undefined, 2), {}, 5);
		expect(server.pulls).toEqual(['|2', 'p1|5']);
	});

	it('holds at most one page nobody has asked for', async () => {
		const server = serve(2);
		const feed = new FeedAhead();
		await feed.answer(feedPath(undefined, 2), {}, 2);
		await new Promise((r) => setTimeout(r, 20));
		expect(server.pulls).toEqual(['|2', 'p1|2']);
	});

	it('fetches afresh when the page asks for something other than what was read ahead', async () => {
		const server = serve(2);
		const feed = new FeedAhead();
		await feed.answer(feedPath(undefined, 2), {}, 2);
		const other = await feed.answer(feedPath('p1', 4), {}, 4);
		expect(cursorOf(other)).toBe('p2');
		expect(server.pulls.slice(0, 3)).toEqual(['|2', 'p1|2', 'p1|4']);
	});

	it('answers a page read ahead with what the server said, refusals included', async () => {
		const server = serve(2);
		server.pages.delete('p1');
		const feed = new FeedAhead();
		await feed.answer(feedPath(undefined, 2), {}, 2);
		const refused = await feed.answer(feedPath('p1', 2), {}, 2);
		expect(refused).toMatchObject({ kind: 'other', status: 400, invalid: false });
		expect(server.pulls).toEqual(['|2', 'p1|2']);
	});
});
