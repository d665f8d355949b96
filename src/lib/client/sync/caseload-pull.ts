import { applyCaseloadPage } from '../db/caseload-store';
import * as syncValues from '../db/sync-values';
import { feedPath } from './feed-check';
import { FeedReader } from './feed-reader';

export interface PullProgress {
	done: number;
	total: number;
}

/** A small first page puts numbers on screen quickly; big pages after it store fastest. */
const FIRST_PAGE = 250;

/**
 * Pulls the caseload feed until the server has nothing more, applying each page atomically
 * and in order. The next page is already on its way (fetched and checked by the feed's worker)
 * while this one is stored, so network, checking and IndexedDB overlap. Progress counts
 * subjects: "Preparing for offline: 412 of 600".
 */
export async function pullCaseload(
	onProgress: (p: PullProgress) => void = () => {},
	pageSize = 2000
): Promise<PullProgress> {
	// Marks let `npm run bench:caseload` time the real download-and-store path.
	performance.mark('fc:pull:start');
	const feed = new FeedReader();
	try {
		const first = feedPath(await syncValues.cursor.get(), Math.min(FIRST_PAGE, pageSize));
		let next = feed.page(first, pageSize);
		let done = 0;
		for (;;) {
			const page = await next;
			if (page.hasMore) {
				next = feed.page(feedPath(page.cursor, pageSize), pageSize);
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
	} finally {
		feed.close();
	}
}
