export const SYNC_TAG = 'fieldcheck-sync';

interface SyncManagerLike {
	register(tag: string): Promise<void>;
}

/**
 * Asks the browser to run a sync when it next has connectivity, even if the app is closed
 * (Chromium's Background Sync). Where the API is missing this does nothing: the page's own
 * triggers and retry timer still drain the queue whenever the app is open.
 */
export async function requestBackgroundSync(): Promise<boolean> {
	if (!('serviceWorker' in navigator)) return false;
	try {
		const reg = await navigator.serviceWorker.ready;
		const sync = (reg as ServiceWorkerRegistration & { sync?: SyncManagerLike }).sync;
		if (!sync) return false;
		await sync.register(SYNC_TAG);
		return true;
	} catch {
		return false;
	}
}
