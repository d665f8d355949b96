import * as syncValues from '../db/sync-values';
import { outboxCounts, type OutboxCounts } from '../db/visits-store';
import { ApiError } from '../sync/api';
import { requestBackgroundSync } from '../sync/background-sync';
import type { PullProgress } from '../sync/caseload-pull';
import { runSync } from '../sync/engine';
import { startFeedWorkers } from '../sync/feed-worker';
import { PhotoUploadError } from '../sync/photo-upload';
import type { PushProgress } from '../sync/push';
import { RetryScheduler } from '../sync/scheduler';
import { Live } from './live.svelte';
import { isStuck } from './stuck';

export type SyncPhase =
	'idle' | 'downloading' | 'sending' | 'ready' | 'offline' | 'signed-out' | 'error';

const NOTHING_WAITING: OutboxCounts = {
	waiting: 0,
	rejected: 0,
	total: 0,
	oldestWaitingSince: null,
	drafts: 0
};

/**
 * The sync indicator: what the sync is doing now, when the device last heard from the server,
 * whether the caseload is ready for offline use, what is waiting to be sent, and what needs
 * attention. The stored facts (counts, last sync) are live queries, so they follow every
 * write wherever it happens; only the sync's own progress is held here.
 */
class SyncStatus {
	phase = $state<SyncPhase>('idle');
	progress = $state<PullProgress | null>(null);
	push = $state<PushProgress | null>(null);
	message = $state<string | null>(null);
	readonly #counts = new Live(outboxCounts, NOTHING_WAITING, { afterFirstScreen: true });
	readonly #lastSyncedAt = new Live(
		async () => (await syncValues.lastSyncedAt.get()) ?? null,
		null,
		{ afterFirstScreen: true }
	);
	readonly #scheduler = new RetryScheduler(() => this.#run());

	constructor() {
		// A page's sync checks the caseload off its main thread (the service worker's cannot).
		startFeedWorkers();
	}

	get counts(): OutboxCounts {
		return this.#counts.current;
	}

	get lastSyncedAt(): string | null {
		return this.#lastSyncedAt.current;
	}

	/** Before the first sync of this visit to the app: say "ready" if the device has synced before. */
	async load(): Promise<void> {
		if (this.phase === 'idle' && (await syncValues.lastSyncedAt.get())) this.phase = 'ready';
	}

	get readyForOffline(): boolean {
		return this.lastSyncedAt !== null;
	}

	/** True when something waiting has not gone for 15 minutes although we are online. */
	stuck(now: Date, online: boolean): boolean {
		return isStuck(this.counts.oldestWaitingSince, now, online);
	}

	/** Runs a sync now; concurrent callers share the run in progress; failures retry with back-off. */
	syncNow(): Promise<void> {
		return this.#scheduler.kick();
	}

	/** @returns whether the sync completed (false schedules a retry). */
	async #run(): Promise<boolean> {
		const first = !(await syncValues.lastSyncedAt.get());
		if (first) this.phase = 'downloading';
		this.message = null;
		try {
			await runSync((p) => {
				if (p.phase === 'pushing' && p.push && p.push.total > 0) {
					this.phase = 'sending';
					this.push = p.push;
				}
				// Only a first download or a large change earns a progress bar.
				if (p.phase === 'pulling' && p.pull && (first || p.pull.total > 50)) {
					this.phase = 'downloading';
					this.progress = p.pull;
				}
			});
			this.phase = 'ready';
			// Anything still waiting (e.g. deferred behind a gap) is retried on the timer rather
			// than left until the next visit is recorded.
			return (await outboxCounts()).waiting === 0;
		} catch (e) {
			this.phase = this.#phaseFor(e);
			// Retrying cannot help until the officer signs in again.
			return this.phase === 'signed-out';
		} finally {
			this.progress = null;
			this.push = null;
			// A send that failed (or left work behind) is handed to Background Sync as well, so
			// it still goes if the app is closed before the next retry. Registering an existing
			// tag again is harmless: the browser keeps one.
			if (this.phase !== 'signed-out' && (await outboxCounts()).waiting > 0) {
				void requestBackgroundSync();
			}
		}
	}

	#phaseFor(e: unknown): SyncPhase {
		if (e instanceof PhotoUploadError) {
			this.message = e.message;
			return 'error';
		}
		if (!(e instanceof ApiError)) {
			this.message = 'Sync failed; your data on this device is safe and will be sent later';
			return 'error';
		}
		switch (e.problem.kind) {
			case 'offline':
				return 'offline';
			case 'unauthenticated':
				this.message = 'Sign in again to sync (nothing on this device is lost)';
				return 'signed-out';
			default:
				this.message = e.message;
				return 'error';
		}
	}
}

export const syncStatus = new SyncStatus();
