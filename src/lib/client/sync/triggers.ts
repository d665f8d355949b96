/**
 * When to try syncing: on coming online and on becoming visible (the officer is back at the
 * station and opens the tablet). Returns a function that removes the listeners.
 */
export function onSyncOpportunity(run: () => void): () => void {
	const onVisible = () => {
		if (document.visibilityState === 'visible') run();
	};
	window.addEventListener('online', run);
	document.addEventListener('visibilitychange', onVisible);
	return () => {
		window.removeEventListener('online', run);
		document.removeEventListener('visibilitychange', onVisible);
	};
}
