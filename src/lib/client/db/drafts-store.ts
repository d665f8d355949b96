import { subjectDisplayName } from '$lib/domain/subject';
import { visitDraftSchema, type VisitDraft } from '$lib/domain/visit-draft';
import { database, type StoredDraft, type StoredPhoto } from './database';

/**
 * Saves a draft unless its visit has already been finalised: a slow GPS fix or photo landing
 * after "Finalise" must not bring a finalised visit back as a draft.
 * @returns whether the draft was saved.
 */
export async function saveDraft(draft: VisitDraft): Promise<boolean> {
	const db = database();
	return db.transaction('rw', db.drafts, db.visits, async () => {
		if (await db.visits.get(draft.id)) return false;
		await db.drafts.put({
			id: draft.id,
			subjectId: draft.subjectId,
			updatedAt: new Date().toISOString(),
			draft: visitDraftSchema.parse(draft)
		});
		return true;
	});
}

/**
 * The draft, parsed. One that no longer parses is moved aside (the officer is told) and reads
 * as absent. Not for live queries, which may not write: they use listDrafts.
 */
export async function getDraft(id: string): Promise<VisitDraft | undefined> {
	const parsed = visitDraftSchema.safeParse((await database().drafts.get(id))?.draft);
	if (parsed.success) return parsed.data;
	await quarantineDraftIfInvalid(id);
	return undefined;
}

/** Drafts that parse, newest first (the start-up check moves the others aside). */
export async function listDrafts(): Promise<StoredDraft[]> {
	const rows = await database().drafts.orderBy('updatedAt').reverse().toArray();
	return rows.flatMap((row) => {
		const parsed = visitDraftSchema.safeParse(row.draft);
		return parsed.success ? [{ ...row, draft: parsed.data }] : [];
	});
}

export interface DraftSummary {
	id: string;
	subjectId: string;
	/** As the caseload shows them, so the officer knows which visit it is. */
	subjectName: string;
	updatedAt: string;
}

/** Drafts on the device that parse, newest first, each named by its subject. */
export async function draftSummaries(): Promise<DraftSummary[]> {
	const drafts = await listDrafts();
	const subjects = await database().subjects.bulkGet(drafts.map((d) => d.subjectId));
	return drafts.map(({ id, subjectId, updatedAt }, i) => {
		const s = subjects[i]?.bundle.subject;
		return {
			id,
			subjectId,
			updatedAt,
			subjectName: s ? subjectDisplayName(s) : 'A subject no longer on this device'
		};
	});
}

/** Discards a draft and the photos taken for it — never the photos of a finalised visit. */
export async function discardDraft(id: string): Promise<void> {
	const db = database();
	await db.transaction('rw', db.drafts, db.photos, db.visits, async () => {
		await db.drafts.delete(id);
		if (await db.visits.get(id)) return;
		await db.photos.where('visitId').equals(id).delete();
	});
}

/** A photo is stored the moment it is taken, so a crash before finalising keeps it. */
export async function addPhoto(photo: StoredPhoto, draft: VisitDraft): Promise<VisitDraft> {
	const db = database();
	const next = { ...draft, photoIds: [...draft.photoIds, photo.id] };
	await db.transaction('rw', db.drafts, db.photos, db.visits, async () => {
		if (!(await saveDraft(next))) throw new Error('This visit has already been finalised');
		await db.photos.put(photo);
	});
	return next;
}

export async function removePhoto(photoId: string, draft: VisitDraft): Promise<VisitDraft> {
	const db = database();
	const next = { ...draft, photoIds: draft.photoIds.filter((p) => p !== photoId) };
	await db.transaction('rw', db.drafts, db.photos, db.visits, async () => {
		if (!(await saveDraft(next))) throw new Error('This visit has already been finalised');
		await db.photos.delete(photoId);
	});
	return next;
}

export async function photosFor(visitId: string): Promise<StoredPhoto[]> {
	return database().photos.where('visitId').equals(visitId).toArray();
}

/** Moves the draft `id` aside if it no longer parses. @returns whether it did. */
async function quarantineDraftIfInvalid(id: string): Promise<boolean> {
	const db = database();
	return db.transaction('rw', db.drafts, db.quarantine, async () => {
		const row = await db.drafts.get(id);
		if (!row || visitDraftSchema.safeParse(row.draft).success) return false;
		await db.quarantine.add({
			kind: 'draft',
			key: id,
			value: row,
			keptAt: new Date().toISOString()
		});
		await db.drafts.delete(id);
		return true;
	});
}
