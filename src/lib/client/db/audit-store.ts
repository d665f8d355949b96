import type { DeviceAudit } from '$lib/domain/sync';
import { database } from './database';
import { nextSeq } from './sync-values';

/**
 * Device audit entries travel as `record-audit` mutations in the same sequenced outbox as
 * visits, so they reach the server exactly once. They hold ids and times only; the outbox
 * row itself is encrypted like every other.
 */
async function enqueue(audits: DeviceAudit[]): Promise<void> {
	const db = database();
	for (const audit of audits) {
		const seq = (await nextSeq.get()) ?? 1;
		await nextSeq.set(seq + 1);
		await db.outbox.add({
			seq,
			visitId: '',
			mutation: { type: 'record-audit', seq, id: crypto.randomUUID(), audit },
			queuedAt: new Date().toISOString(),
			attempts: 0,
			lastError: null
		});
	}
}

export async function recordSubjectView(subjectId: string): Promise<void> {
	const db = database();
	const audit = { action: 'subject-viewed', subjectId, at: new Date().toISOString() } as const;
	await db.transaction('rw', db.meta, db.outbox, () => enqueue([audit]));
}

/**
 * Unlocks, failed unlocks, locks and wipes are noted while the device may be locked (in the
 * clear: they name no one); once it is unlocked they move into the encrypted outbox.
 */
export async function queueLockEvents(): Promise<number> {
	const db = database();
	return db.transaction('rw', db.lockEvents, db.meta, db.outbox, async () => {
		const events = await db.lockEvents.orderBy('id').toArray();
		await enqueue(events.map((e) => ({ action: e.kind, at: e.at })));
		await db.lockEvents.clear();
		return events.length;
	});
}
