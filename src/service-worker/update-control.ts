/// <reference lib="webworker" />
import { countPendingWork } from '$lib/client/db/pending-work';

/**
 * A new version never takes over under an officer:
 * - while the current version runs, the new one waits until the page says the officer agreed
 *   (SKIP_WAITING) — and the page only offers that with nothing unsent and no form open;
 * - it refuses to install at all while visits are unsent or a draft is open, so it cannot
 *   slip in when every tab closes either; the browser tries again at its next update check.
 * On the very first install there is nothing to protect, so it takes control at once and the
 * app works offline after one visit.
 */
export function installUpdateControl(sw: ServiceWorkerGlobalScope): void {
	sw.addEventListener('install', (event) => {
		if (!sw.registration.active) return;
		event.waitUntil(
			countPendingWork().then((pending) => {
				if (pending > 0) throw new Error('unsent work on this device: update later');
			})
		);
	});
	sw.addEventListener('message', (event) => {
		if (event.data && event.data.type === 'SKIP_WAITING') void sw.skipWaiting();
	});
	sw.addEventListener('activate', (event) => {
		event.waitUntil(sw.clients.claim());
	});
}
