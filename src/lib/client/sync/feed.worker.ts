// The caseload feed's pages fetched and checked off the main thread (see feed-check.ts).
import { z } from 'zod';
import { fetchFeedAnswer } from './feed-check';

interface WorkerScope {
	addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
	postMessage(message: unknown): void;
}

const requestSchema = z.strictObject({
	id: z.number().int(),
	path: z.string().startsWith('/api/caseload?'),
	headers: z.record(z.string(), z.string())
});

const scope = self as unknown as WorkerScope;
scope.addEventListener('message', (event) => {
	const request = requestSchema.safeParse(event.data);
	if (!request.success) return;
	const { id, path, headers } = request.data;
	void fetchFeedAnswer(path, headers).then((answer) => scope.postMessage({ id, answer }));
});
