import { feedPath, fetchFeedAnswer, type FeedAnswer } from './feed-check';

interface Fetch {
	path: string;
	answer: Promise<FeedAnswer>;
	/** The page after this one, once its body names it. */
	next: string | null;
	/** Asked for by the page (not only read ahead). */
	asked: boolean;
}

/**
 * The feed worker's side: answers the page's requests, and reads one page ahead. A page names
 * the next page's cursor, so the next fetch can start as soon as a body is parsed, while it is
 * still being checked and while the page stores the one before: the server, the check and the
 * store then work at once instead of one after another. At most one page waits unasked for,
 * so a slow store never makes the worker hold the whole caseload.
 */
export class FeedAhead {
	#ahead: Fetch | null = null;

	constructor(private readonly fetchAnswer: typeof fetchFeedAnswer = fetchFeedAnswer) {}

	/** `nextLimit`: the page size the page will ask for next (the first page is smaller). */
	answer(path: string, headers: Record<string, string>, nextLimit: number): Promise<FeedAnswer> {
		const held = this.#ahead;
		this.#ahead = null;
		const current = held?.path === path ? held : this.#start(path, headers, nextLimit);
		current.asked = true;
		if (current.next) this.#readAhead(current.next, headers, nextLimit);
		return current.answer;
	}

	#start(path: string, headers: Record<string, string>, nextLimit: number): Fetch {
		const fetch: Fetch = {
			path,
			answer: Promise.resolve({ kind: 'offline' }),
			next: null,
			asked: false
		};
		fetch.answer = this.fetchAnswer(path, headers, (cursor) => {
			fetch.next = feedPath(cursor, nextLimit);
			// A page read ahead starts its own next one only once the page asks for it.
			if (fetch.asked) this.#readAhead(fetch.next, headers, nextLimit);
		});
		return fetch;
	}

	#readAhead(path: string, headers: Record<string, string>, nextLimit: number): void {
		if (this.#ahead) return;
		this.#ahead = this.#start(path, headers, nextLimit);
	}
}
