// The caseload feed's pages fetched, read ahead and checked off the main thread (feed-ahead.ts).
import { z } from 'zod';
import { FeedAhead } from './feed-ahead';

interface WorkerScope {
	addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
	postMessage(message: unknown): void;
}

const requestSchema = z.strictObject({
	id: z.number().int(),
	path: z.string().startsWith('/api/caseload?'),
	headers: z.record(z.string(), z.string()),
	nextLimit: z.number().int().min(1).max(2000)
});

const feed = new FeedAhead();
const scope = self as unknown as WorkerScope;
scope.addEventListener('message', (event) => {
	const request = requestSchema.safeParse(event.data);
	if (!request.success) return;
	const { id, path, headers, nextLimit } = request.data;
	void feed.answer(path, headers, nextLimit).then((answer) => scope.postMessage({ id, answer }));
});
