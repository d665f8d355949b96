// The caseload feed's pages fetched, read ahead and checked off the main thread (feed-ahead.ts).
import { FeedAhead } from './feed-ahead';
import { feedRequestSchema } from './feed-check';

interface WorkerScope {
	addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
	postMessage(message: unknown): void;
}

const feed = new FeedAhead();
const scope = self as unknown as WorkerScope;
scope.addEventListener('message', (event) => {
	const request = feedRequestSchema.safeParse(event.data);
	if (!request.success) return;
	const { id, path, headers, nextLimit } = request.data;
	void feed.answer(path, headers, nextLimit).then((answer) => scope.postMessage({ id, answer }));
});
