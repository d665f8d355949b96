/** The one Web Lock that sync, sign-in and sign-out share (page and service worker alike). */
export const SYNC_LOCK = 'fieldcheck-sync';

/** Runs fn under the sync lock, or directly where Web Locks are unavailable. */
export function withSyncLock<T>(fn: () => Promise<T>): Promise<T> {
	const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
	return locks ? locks.request(SYNC_LOCK, fn) : fn();
}
