/// <reference lib="webworker" />
import { SYNC_TAG } from '$lib/client/sync/background-sync';
import { runSync } from '$lib/client/sync/engine';

interface SyncEvent extends ExtendableEvent {
	readonly tag: string;
}

/**
 * Background Sync (Chromium): the browser wakes the worker when connectivity returns, even
 * with the app closed, and the worker drains the outbox with the same engine the page uses.
 * A failure rejects waitUntil, which tells the browser to retry later with its own back-off.
 */
export function installBackgroundSync(sw: ServiceWorkerGlobalScope): void {
	sw.addEventListener('sync', (event) => {
		const e = event as SyncEvent;
		if (e.tag !== SYNC_TAG) return;
		// Open pages see what this wrote through their live queries: no message is needed.
		e.waitUntil(runSync());
	});
}
