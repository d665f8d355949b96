import { caseloadPageSchema } from '$lib/domain/caseload';
import { applyCaseloadPage } from '../db/caseload-store';
import * as meta from '../db/meta';
import { request } from './api';

export interface PullProgress {
	done: number;
	total: number;
}

/**
 * Pulls the caseload feed until the server has nothing more, applying each page atomically.
 * Progress counts subjects: "Preparing for offline: 412 of 600".
 */
export async function pullCaseload(
	onProgress: (p: PullProgress) => void = () => {},
	pageSize = 500
): Promise<PullProgress> {
	// Marks let `npm run bench:caseload` time the real download-and-store path.
	performance.mark('fc:pull:start');
	let cursor = await meta.get('cursor');
	let done = 0;
	let total = 0;
	for (;;) {
		const query = new URLSearchParams({ limit: String(pageSize) });
		if (cursor) query.set('cursor', cursor);
		const page = await request(`/api/caseload?${query}`, caseloadPageSchema);
		await applyCaseloadPage(page);
		const changed = page.bundles.length + page.removed.subjectIds.length;
		done += changed;
		total = done + page.remaining;
		onProgress({ done, total });
		cursor = page.cursor;
		if (!page.hasMore) {
			performance.mark('fc:pull:end');
			return { done, total };
		}
	}
}
