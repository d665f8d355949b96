import { Workbox } from 'workbox-window';

export interface ServiceWorkerHooks {
	/** A new version is installed and waiting; call `apply` when the officer agrees. */
	onUpdateWaiting(apply: () => void): void;
}

/**
 * Registers the service worker with workbox-window. A new version never takes over by itself:
 * it waits until the officer chooses to update, then the page reloads once it controls.
 */
export async function registerServiceWorker(hooks: ServiceWorkerHooks): Promise<void> {
	if (!('serviceWorker' in navigator)) return;
	const wb = new Workbox('/service-worker.js', { scope: '/' });
	const offer = () =>
		hooks.onUpdateWaiting(() => {
			wb.addEventListener('controlling', () => window.location.reload());
			wb.messageSkipWaiting();
		});
	wb.addEventListener('waiting', offer);
	await wb.register();
	// Look for a new version whenever the app comes back to the foreground.
	document.addEventListener('visibilitychange', () => {
		if (document.visibilityState === 'visible') void wb.update().catch(() => undefined);
	});
}
