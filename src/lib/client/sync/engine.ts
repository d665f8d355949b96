import { queueLockEvents } from '../db/audit-store';
import { purgeLeavingSubjects } from '../db/caseload-store';
import { outboxCounts } from '../db/visits-store';
import { pullCaseload, type PullProgress } from './caseload-pull';
import { withSyncLock } from './lock';
import { PhotoUploadError, uploadPendingPhotos } from './photo-upload';
import { pushOutbox, type PushProgress } from './push';
import { deliverSealed } from './sealed-delivery';

export interface SyncProgress {
	phase: 'pushing' | 'photos' | 'pulling';
	push?: PushProgress;
	pull?: PullProgress;
}

export interface SyncOutcome {
	pushed: number;
	pulled: number;
}

/**
 * One full sync: send what was recorded (visits first, then their photos), then bring the
 * caseload up to date (which also confirms receipts and removes unassigned subjects).
 * Plain TypeScript with no DOM or Svelte, so the service worker runs the very same code for
 * Background Sync. A Web Lock keeps the page and the worker from syncing at the same time;
 * even if they did, the protocol makes a double send harmless.
 */
export async function runSync(
	onProgress: (p: SyncProgress) => void = () => {}
): Promise<SyncOutcome> {
	return withSyncLock(() => syncOnce(onProgress));
}

async function syncOnce(onProgress: (p: SyncProgress) => void): Promise<SyncOutcome> {
	// Evidence first: sealed visits that survived a wipe, then audit entries noted while locked.
	// A failed delivery keeps the items for next time; it must not hold up the rest.
	await deliverSealed().catch(() => 0);
	await queueLockEvents();
	const { waiting } = await outboxCounts();
	onProgress({ phase: 'pushing', push: { sent: 0, total: waiting } });
	const results = await pushOutbox(waiting, (push) => onProgress({ phase: 'pushing', push }));
	onProgress({ phase: 'photos' });
	const photos = await uploadPendingPhotos();
	onProgress({ phase: 'pulling' });
	// Always pull, even when a photo failed: receipts, removals and the caseload must not wait.
	const pulled = await pullCaseload((pull) => onProgress({ phase: 'pulling', pull }));
	await purgeLeavingSubjects();
	if (photos.failed > 0) throw new PhotoUploadError(photos.failed);
	return { pushed: results.length, pulled: pulled.done };
}

/** Next retry delay: about 5 s doubling to 5 min, so a queue never waits on the next write. */
export function backoffMs(failures: number): number {
	return Math.min(5_000 * 2 ** Math.max(0, failures), 300_000);
}
