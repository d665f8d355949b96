import { caseloadPageSchema } from '$lib/domain/caseload';

/**
 * One answer of the caseload feed as it crosses from the feed worker to the page. A page that
 * passed the shared contract travels as JSON text of what the schema gave back: the page then
 * parses it as it would have parsed the response, and the checking (a quarter of a 10,000-
 * subject download's main-thread time) is done on the worker's thread.
 */
export type FeedAnswer =
	| { kind: 'page'; status: number; json: string }
	/** Not a page: an error answer for `settle`, or a page that failed the contract. */
	| { kind: 'other'; status: number; body: unknown; invalid: boolean }
	| { kind: 'offline' };

/** Reads one answer and checks a successful one against the contract. */
export async function readFeedAnswer(res: Response): Promise<FeedAnswer> {
	const body: unknown = await res.json().catch(() => undefined);
	if (!res.ok) return { kind: 'other', status: res.status, body, invalid: false };
	const parsed = caseloadPageSchema.safeParse(body);
	return parsed.success
		? { kind: 'page', status: res.status, json: JSON.stringify(parsed.data) }
		: { kind: 'other', status: res.status, body: undefined, invalid: true };
}

/** Fetches one feed page: on the worker's thread, or the page's own where there is no worker. */
export async function fetchFeedAnswer(
	path: string,
	headers: Record<string, string>
): Promise<FeedAnswer> {
	let res: Response;
	try {
		res = await fetch(path, { credentials: 'same-origin', headers });
	} catch {
		return { kind: 'offline' };
	}
	return readFeedAnswer(res);
}
