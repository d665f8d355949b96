import * as meta from '../db/meta';
import { outboxCounts, type OutboxCounts } from '../db/visits-store';
import { ApiError } from '../sync/api';
import { requestBackgroundSync } from '../sync/background-sync';
import type { PullProgress } from '../sync/caseload-pull';
import { runSync } from '../sync/engine';
import { PhotoUploadError } from '../sync/photo-upload';
import type { PushProgress } from '../sync/push';
import { RetryScheduler } from '../sync/scheduler';

export type SyncPhase =
	'idle' | 'downloading' | 'sending' | 'ready' | 'offline' | 'signed-out' | 'error';

/** Anything waiting longer than this while online is flagged. */
export const STUCK_AFTER_MS = 15 * 60 * 1000;

/** Waiting since `since` for longer than STUCK_AFTER_MS although we are online. */
export function isStuck(since: string | null, now: Date, online: boolean): boolean {
	return online && since !== null && now.getTime() - Date.parse(since) > STUCK_AFTER_MS;
}

/**
 * What the officer needs to trust the device: when it last heard from the server, whether the
 * caseload is ready for offline use, what is waiting to be sent, and what needs attention.
 */
class SyncStatus {
	phase = $state<SyncPhase>('idle');
	progress = $state<PullProgress | null>(null);
	push = $state<PushProgress | null>(null);
	lastSyncedAt = $state<string | null>(null);
	counts = $state<OutboxCounts>({
		waiting: 0,
		rejected: 0,
		total: 0,
		oldestWaitingSince: null,
		drafts: 0
	});
	message = $state<string | null>(null);
	/** Bumped after every applied change so views know to re-read IndexedDB. */
	revision = $state(0);
	readonly #scheduler = new RetryScheduler(() => this.#run());

	async load(): Promise<void> {
		this.lastSyncedAt = (await meta.get('lastSyncedAt')) ?? null;
		await this.refreshCounts();
		if (this.lastSyncedAt) this.phase = 'ready';
	}

	async refreshCounts(): Promise<void> {
		this.counts = await outboxCounts();
		this.revision += 1;
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
		const first = !this.lastSyncedAt;
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
			this.lastSyncedAt = (await meta.get('lastSyncedAt')) ?? null;
			await this.refreshCounts();
			// A send that failed (or left work behind) is handed to Background Sync as well, so
			// it still goes if the app is closed before the next retry. Registering an existing
			// tag again is harmless: the browser keeps one.
			if (this.counts.waiting > 0 && this.phase !== 'signed-out') void requestBackgroundSync();
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
