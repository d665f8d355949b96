import type { MutationResult, VisitReceipt } from '$lib/domain/sync';
import type { Visit } from '$lib/domain/visit';
import { database, type OutboxEntry, type StoredPhoto, type StoredVisit } from './database';
import { chainHead } from './lock-values';
import { chainVisit, sealVisit } from './sealed-store';
import * as syncValues from './sync-values';

/**
 * Finalising writes the visit, its outbox entry, its sealed copy and the new chain head in ONE
 * strict-durability transaction and removes the draft: when this resolves, the visit is on disk,
 * queued and sealed, or nothing changed. Hashing and sealing happen first, against the sequence
 * number and chain head read before; if another tab finalised meanwhile, it is done again.
 */
export async function finaliseVisit(draftVisit: Visit, subjectName: string): Promise<number> {
	const db = database();
	const tables = [db.meta, db.visits, db.outbox, db.drafts, db.sealed];
	// Measured by `npm run bench:caseload`: finalising a visit with a 2 MB photo, sealed.
	performance.mark('fc:finalise:start');
	for (;;) {
		const seq = (await syncValues.nextSeq.get()) ?? 1;
		const prevHash = (await chainHead.get()) ?? null;
		const visit = await chainVisit(draftVisit, prevHash);
		const mutation = { type: 'record-visit', seq, id: crypto.randomUUID(), visit } as const;
		const sealed = await sealVisit(mutation);
		const done = await db.transaction('rw', tables, async () => {
			const moved =
				((await syncValues.nextSeq.get()) ?? 1) !== seq ||
				((await chainHead.get()) ?? null) !== prevHash;
			if (moved) return false;
			await syncValues.nextSeq.set(seq + 1);
			await chainHead.set(visit.hash!);
			const now = new Date().toISOString();
			await db.visits.add({
				id: visit.id,
				subjectId: visit.subjectId,
				subjectName,
				visit,
				state: 'saved',
				savedAt: now,
				receivedAt: null,
				rejection: null
			});
			await db.outbox.add({
				seq,
				visitId: visit.id,
				mutation,
				queuedAt: now,
				attempts: 0,
				lastError: null
			});
			if (sealed) await db.sealed.put(sealed);
			await db.drafts.delete(visit.id);
			return true;
		});
		if (done) {
			performance.mark('fc:finalise:end');
			return seq;
		}
	}
}

export async function outboxBatch(limit: number): Promise<OutboxEntry[]> {
	return database().outbox.orderBy('seq').limit(limit).toArray();
}

export async function noteAttempt(seqs: number[], error: string | null): Promise<void> {
	const db = database();
	await db.transaction('rw', db.outbox, async () => {
		for (const seq of seqs) {
			await db.outbox
				.where('seq')
				.equals(seq)
				.modify((e) => {
					e.attempts += 1;
					e.lastError = error;
				});
		}
	});
}

/**
 * Applies the server's verdict on each mutation. Applied and duplicate leave the outbox;
 * rejected leaves the outbox too but the visit stays on the device, marked with the reason.
 * Deferred entries stay queued and are sent again.
 */
export async function applyPushResults(results: MutationResult[]): Promise<void> {
	const db = database();
	await db.transaction('rw', [db.outbox, db.visits, db.photos, db.meta, db.sealed], async () => {
		for (const r of results) {
			if (r.status === 'deferred') continue;
			const entry = await db.outbox.get(r.seq);
			if (!entry) continue;
			await db.outbox.delete(r.seq);
			// The server has answered for this visit: its sealed copy has done its job.
			if (entry.visitId) await db.sealed.delete(entry.visitId);
			if (r.status === 'rejected') {
				await db.visits.update(entry.visitId, {
					state: 'rejected',
					rejection: { code: r.code, message: r.message }
				});
			} else {
				await markReceived(entry.visitId, r.receivedAt ?? new Date().toISOString());
			}
		}
		await syncValues.lastPushAt.set(new Date().toISOString());
	});
}

/** Receipt confirmed: sent once all its photos are in too, sending until then. */
async function markReceived(visitId: string, receivedAt: string): Promise<void> {
	const db = database();
	const visit = await db.visits.get(visitId);
	if (!visit || visit.state === 'rejected') return;
	const pendingPhotos = await db.photos
		.where('visitId')
		.equals(visitId)
		.filter((p) => p.complete === 0)
		.count();
	await db.visits.update(visitId, {
		receivedAt: visit.receivedAt ?? receivedAt,
		state: pendingPhotos === 0 ? 'sent' : 'sending'
	});
}

/** Receipts from the caseload feed: covers a push whose response was lost on the way back. */
export async function applyReceipts(receipts: VisitReceipt[]): Promise<void> {
	if (receipts.length === 0) return;
	const db = database();
	await db.transaction('rw', [db.outbox, db.visits, db.photos, db.sealed], async () => {
		for (const r of receipts) {
			await db.sealed.delete(r.visitId);
			const visit = await db.visits.get(r.visitId);
			if (!visit || visit.state === 'rejected') continue;
			await db.outbox.where('visitId').equals(r.visitId).delete();
			await markReceived(r.visitId, r.receivedAt);
		}
	});
}

/** Photos still to upload, for visits the server has already received. */
export async function photosToUpload(): Promise<StoredPhoto[]> {
	const db = database();
	const pending = await db.photos.where('complete').equals(0).toArray();
	const out: StoredPhoto[] = [];
	for (const p of pending) {
		const v = await db.visits.get(p.visitId);
		if (v && v.receivedAt && v.state !== 'rejected') out.push(p);
	}
	return out;
}

export async function notePhotoProgress(
	photoId: string,
	uploaded: number,
	complete: boolean
): Promise<void> {
	const db = database();
	await db.transaction('rw', [db.photos, db.visits], async () => {
		await db.photos.update(photoId, { uploaded, complete: complete ? 1 : 0 });
		const photo = await db.photos.get(photoId);
		if (complete && photo) {
			const v = await db.visits.get(photo.visitId);
			if (v?.receivedAt) await markReceived(v.id, v.receivedAt);
		}
	});
}

export async function listVisits(): Promise<StoredVisit[]> {
	return database().visits.orderBy('savedAt').reverse().toArray();
}

/** When each visit on the device started, and to whom: what route progress is worked out from. */
export async function visitTimes(): Promise<{ subjectId: string; startedAt: string }[]> {
	return (await listVisits()).map((v) => ({
		subjectId: v.subjectId,
		startedAt: v.visit.startedAt
	}));
}

export async function getVisit(id: string): Promise<StoredVisit | undefined> {
	return database().visits.get(id);
}

export interface OutboxCounts {
	/** Finalised visits not yet fully acknowledged (saved or sending). */
	waiting: number;
	rejected: number;
	total: number;
	/** The oldest waiting visit's save time, to flag anything stuck. */
	oldestWaitingSince: string | null;
	drafts: number;
}

export async function outboxCounts(): Promise<OutboxCounts> {
	const db = database();
	return db.transaction('r', [db.visits, db.drafts], async () => {
		const waitingVisits = await db.visits
			.where('state')
			.anyOf('saved', 'sending')
			.sortBy('savedAt');
		return {
			waiting: waitingVisits.length,
			rejected: await db.visits.where('state').equals('rejected').count(),
			total: await db.visits.count(),
			oldestWaitingSince: waitingVisits[0]?.savedAt ?? null,
			drafts: await db.drafts.count()
		};
	});
}

/** Subjects that must stay on the device: unsent visits or an open draft refer to them. */
export async function subjectsWithPendingWork(): Promise<Set<string>> {
	const db = database();
	const ids = new Set<string>();
	await db.visits
		.where('state')
		.anyOf('saved', 'sending')
		.each((v) => ids.add(v.subjectId));
	await db.drafts.each((d) => ids.add(d.subjectId));
	return ids;
}
