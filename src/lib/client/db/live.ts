import { liveQuery } from 'dexie';

export interface Watching {
	unsubscribe(): void;
}

/**
 * Runs `query` now, and again whenever a committed write touches what it read: a write from
 * this tab, another tab or the service worker (Dexie tells the others over BroadcastChannel).
 * `query` must read only through Dexie (the functions of this folder), so Dexie sees what it read.
 * The one door to Dexie's liveQuery: state/live.svelte.ts turns it into rune state.
 */
export function watch<T>(
	query: () => Promise<T>,
	next: (value: T) => void,
	error: (e: unknown) => void
): Watching {
	return liveQuery(query).subscribe({ next, error });
}
