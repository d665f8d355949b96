import { z } from 'zod';
import { caseloadPageSchema } from '$lib/domain/caseload';

/** What the page asks the feed's worker: a page of the feed, and the size of the next one. */
export const feedRequestSchema = z.strictObject({
	id: z.number().int(),
	path: z.string().startsWith('/api/caseload?'),
	headers: z.record(z.string(), z.string()),
	nextLimit: z.number().int().min(1).max(2000)
});
export type FeedRequest = z.infer<typeof feedRequestSchema>;

/**
 * One answer of the caseload feed as it crosses from the feed worker to the page. A page that
 * passed the shared contract travels as JSON text of what the schema gave back: the page then
 * parses it as it would have parsed the response, and the checking (a quarter of a 10,000-
 * subject download's main-thread time) is done on the worker's thread.
 */
export const feedAnswerSchema = z.discriminatedUnion('kind', [
	z.strictObject({ kind: z.literal('page'), status: z.number().int(), json: z.string() }),
	/** Not a page: an error answer for `settle`, or a page that failed the contract. */
	z.strictObject({
		kind: z.literal('other'),
		status: z.number().int(),
		body: z.unknown(),
		invalid: z.boolean()
	}),
	z.strictObject({ kind: z.literal('offline') })
]);
export type FeedAnswer = z.infer<typeof feedAnswerSchema>;

/** The feed's address for a page: built in one place, so a page read ahead is found again. */
export function feedPath(cursor: string | undefined, limit: number): string {
	const query = new URLSearchParams({ limit: String(limit) });
	if (cursor) query.set('cursor', cursor);
	return `/api/caseload?${query}`;
}

/**
 * The next page's cursor as the body names it, before the body is checked: enough to start
 * fetching that page, never used for anything else (an unchecked page is never given back).
 */
function nextCursor(body: unknown): string | null {
	if (typeof body !== 'object' || body === null) return null;
	const { hasMore, cursor } = body as { hasMore?: unknown; cursor?: unknown };
	return hasMore === true && typeof cursor === 'string' && cursor.length > 0 && cursor.length <= 200
		? cursor
		: null;
}

/**
 * Fetches one feed page and checks a successful answer against the contract: on the worker's
 * thread, or the page's own where there is no worker. `onNext` hears the next page's cursor as
 * soon as the body is parsed, so that page can be on its way while this one is checked.
 */
export async function fetchFeedAnswer(
	path: string,
	headers: Record<string, string>,
	onNext: (cursor: string) => void = () => {}
): Promise<FeedAnswer> {
	let res: Response;
	try {
		res = await fetch(path, { credentials: 'same-origin', headers });
	} catch {
		return { kind: 'offline' };
	}
	const body: unknown = await res.json().catch(() => undefined);
	if (!res.ok) return { kind: 'other', status: res.status, body, invalid: false };
	const next = nextCursor(body);
	if (next) onNext(next);
	const parsed = caseloadPageSchema.safeParse(body);
	return parsed.success
		? { kind: 'page', status: res.status, json: JSON.stringify(parsed.data) }
		: { kind: 'other', status: res.status, body: undefined, invalid: true };
}
