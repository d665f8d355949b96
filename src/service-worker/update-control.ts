/// <reference lib="webworker" />

/**
 * A new version waits until the page says the officer agreed (SKIP_WAITING), so it never
 * swaps the app under someone mid-form. On the very first install there is nothing to
 * protect, so it takes control straight away and the app works offline after one visit.
 */
export function installUpdateControl(sw: ServiceWorkerGlobalScope): void {
	sw.addEventListener('message', (event) => {
		if (event.data && event.data.type === 'SKIP_WAITING') void sw.skipWaiting();
	});
	sw.addEventListener('activate', (event) => {
		event.waitUntil(sw.clients.claim());
	});
}
