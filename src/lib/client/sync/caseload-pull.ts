import { caseloadPageSchema, type CaseloadPage } from '$lib/domain/caseload';
import { applyCaseloadPage } from '../db/caseload-store';
import * as syncValues from '../db/sync-values';
import { request } from './api';

export interface PullProgress {
	done: number;
	total: number;
}

function fetchPage(cursor: string | undefined, pageSize: number): Promise<CaseloadPage> {
	const query = new URLSearchParams({ limit: String(pageSize) });
	if (cursor) query.set('cursor', cursor);
	return request(`/api/caseload?${query}`, caseloadPageSchema);
}

/** A small first page puts numbers on screen quickly; big pages after it store fastest. */
const FIRST_PAGE = 250;

/**
 * Pulls the caseload feed until the server has nothing more, applying each page atomically
 * and in order. The next page is already on its way while this one is stored, so network and
 * IndexedDB overlap. Progress counts subjects: "Preparing for offline: 412 of 600".
 */
export async function pullCaseload(
	onProgress: (p: PullProgress) => void = () => {},
	pageSize = 2000
): Promise<PullProgress> {
	// Marks let `npm run bench:caseload` time the real download-and-store path.
	performance.mark('fc:pull:start');
	let next = fetchPage(await syncValues.cursor.get(), Math.min(FIRST_PAGE, pageSize));
	let done = 0;
	for (;;) {
		const page = await next;
		if (page.hasMore) {
			next = fetchPage(page.cursor, pageSize);
			// If storing this page fails, the prefetch is abandoned: don't report it twice.
			next.catch(() => undefined);
		}
		await applyCaseloadPage(page);
		done += page.bundles.length + page.removed.subjectIds.length;
		const total = done + page.remaining;
		onProgress({ done, total });
		if (!page.hasMore) {
			performance.mark('fc:pull:end');
			return { done, total };
		}
	}
}
