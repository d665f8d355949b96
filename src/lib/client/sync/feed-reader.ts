import { z } from 'zod';
import type { CaseloadPage } from '$lib/domain/caseload';
import { ApiError, deviceHeaders, settle } from './api';
import { FeedAhead } from './feed-ahead';
import { feedAnswerSchema, type FeedAnswer, type FeedRequest } from './feed-check';

/** What we need of a Worker; tests pass a fake. */
export interface WorkerLike {
	postMessage(message: unknown): void;
	addEventListener(type: 'message' | 'error', listener: (event: MessageEvent) => void): void;
	terminate(): void;
}

// The worker is ours, but what crosses a thread is checked like anything else that arrives.
const messageSchema = z.strictObject({ id: z.number().int(), answer: feedAnswerSchema });

type Asked = Omit<FeedRequest, 'id'> & {
	resolve: (answer: FeedAnswer | Promise<FeedAnswer>) => void;
};

let startWorker: (() => WorkerLike) | null = null;

/**
 * Named by the page (see feed-worker.ts): the service worker, whose Background Sync runs this
 * same pull, can neither start a worker nor load a classic script that names one by
 * `import.meta.url`, so there pages are checked on its own thread.
 */
export function useFeedWorker(start: () => WorkerLike): void {
	startWorker = start;
}

/**
 * Reads the caseload feed's pages for one download: fetched, read ahead, parsed and checked
 * against the shared contract on a worker's thread (feed-ahead.ts), so the page's thread only
 * parses checked JSON and stores it while the worker fetches and checks the next page. Where
 * there is no worker, or it fails, the same fetch and check run on this thread: a download
 * never depends on the worker.
 */
export class FeedReader {
	#worker: WorkerLike | null = null;
	readonly #asked = new Map<number, Asked>();
	#nextId = 1;
	/** Without a worker, the same reading ahead on this thread. */
	readonly #here = new FeedAhead();

	constructor(create: (() => WorkerLike) | null = startWorker) {
		try {
			this.#worker = create?.() ?? null;
		} catch {
			this.#worker = null;
		}
		this.#worker?.addEventListener('message', (event) => this.#onMessage(event.data));
		this.#worker?.addEventListener('error', () => this.#fallBack());
	}

	/** `nextLimit`: the page size that will be asked for next, so that page can be read ahead. */
	async page(path: string, nextLimit: number): Promise<CaseloadPage> {
		const answer = await this.#ask(path, await deviceHeaders(), nextLimit);
		if (answer.kind === 'offline') throw new ApiError({ kind: 'offline' });
		if (answer.kind === 'other') {
			return settle(answer.status, answer.body, () => ({ success: false }));
		}
		// Checked against caseloadPageSchema by fetchFeedAnswer; this is that schema's output.
		const page = JSON.parse(answer.json) as CaseloadPage;
		return settle(answer.status, undefined, () => ({ success: true, data: page }));
	}

	/** Stops the worker at the end of a download; a prefetch still under way is abandoned. */
	close(): void {
		this.#stop((asked) => asked.resolve({ kind: 'offline' }));
	}

	#ask(path: string, headers: Record<string, string>, nextLimit: number): Promise<FeedAnswer> {
		const worker = this.#worker;
		if (!worker) return this.#here.answer(path, headers, nextLimit);
		const id = this.#nextId++;
		return new Promise((resolve) => {
			this.#asked.set(id, { path, headers, nextLimit, resolve });
			worker.postMessage({ id, path, headers, nextLimit });
		});
	}

	#onMessage(data: unknown): void {
		const message = messageSchema.safeParse(data);
		if (!message.success) return this.#fallBack();
		const asked = this.#asked.get(message.data.id);
		this.#asked.delete(message.data.id);
		asked?.resolve(message.data.answer);
	}

	/** The worker failed (would not start, crashed, or spoke out of turn): carry on without it. */
	#fallBack(): void {
		this.#stop((a) => a.resolve(this.#here.answer(a.path, a.headers, a.nextLimit)));
	}

	#stop(settleAsked: (asked: Asked) => void): void {
		this.#worker?.terminate();
		this.#worker = null;
		const asked = [...this.#asked.values()];
		this.#asked.clear();
		asked.forEach(settleAsked);
	}
}
