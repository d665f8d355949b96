import { useFeedWorker } from './feed-reader';

/** Lets this page's downloads check the feed on a worker's thread (see feed-reader.ts). */
export function startFeedWorkers(): void {
	if (typeof Worker === 'undefined') return;
	// Spelled out in full so Vite finds it and bundles the worker (and precaches it).
	useFeedWorker(() => new Worker(new URL('./feed.worker.ts', import.meta.url), { type: 'module' }));
}
