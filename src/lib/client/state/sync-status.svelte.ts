import { countSubjects } from '../db/caseload-store';
import * as meta from '../db/meta';
import { ApiError } from '../sync/api';
import { pullCaseload, type PullProgress } from '../sync/caseload-pull';

export type SyncPhase = 'idle' | 'downloading' | 'ready' | 'offline' | 'signed-out' | 'error';

/**
 * What the officer needs to trust the device: when it last heard from the server, whether the
 * caseload is ready for offline use, and what is happening now.
 */
class SyncStatus {
	phase = $state<SyncPhase>('idle');
	progress = $state<PullProgress | null>(null);
	lastSyncedAt = $state<string | null>(null);
	subjectCount = $state(0);
	message = $state<string | null>(null);
	/** Bumped after every applied change so views know to re-read IndexedDB. */
	revision = $state(0);
	#running: Promise<void> | null = null;

	async load(): Promise<void> {
		this.lastSyncedAt = (await meta.get('lastSyncedAt')) ?? null;
		this.subjectCount = await countSubjects();
		if (this.lastSyncedAt) this.phase = 'ready';
	}

	get readyForOffline(): boolean {
		return this.lastSyncedAt !== null;
	}

	/** Runs one sync; concurrent callers share the run in progress. */
	syncNow(): Promise<void> {
		this.#running ??= this.#run().finally(() => (this.#running = null));
		return this.#running;
	}

	async #run(): Promise<void> {
		const first = !this.lastSyncedAt;
		if (first) this.phase = 'downloading';
		this.message = null;
		try {
			await pullCaseload((p) => {
				// Only a first download or a large change earns a progress bar.
				if (first || p.total > 50) {
					this.phase = 'downloading';
					this.progress = p;
				}
			});
			this.phase = 'ready';
		} catch (e) {
			this.phase = this.#phaseFor(e);
		} finally {
			this.progress = null;
			this.lastSyncedAt = (await meta.get('lastSyncedAt')) ?? null;
			this.subjectCount = await countSubjects();
			this.revision += 1;
		}
	}

	#phaseFor(e: unknown): SyncPhase {
		if (!(e instanceof ApiError)) {
			this.message = 'Sync failed unexpectedly; your data on this device is safe';
			return 'error';
		}
		switch (e.problem.kind) {
			case 'offline':
				return this.lastSyncedAt ? 'ready' : 'offline';
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
