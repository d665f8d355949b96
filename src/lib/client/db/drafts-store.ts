import type { VisitDraft } from '$lib/domain/visit-draft';
import { database, type StoredDraft, type StoredPhoto } from './database';

export async function saveDraft(draft: VisitDraft): Promise<void> {
	await database().drafts.put({
		id: draft.id,
		subjectId: draft.subjectId,
		updatedAt: new Date().toISOString(),
		draft
	});
}

export async function getDraft(id: string): Promise<VisitDraft | undefined> {
	return (await database().drafts.get(id))?.draft;
}

export async function listDrafts(): Promise<StoredDraft[]> {
	return database().drafts.orderBy('updatedAt').reverse().toArray();
}

/** Discards a draft and the photos taken for it. */
export async function discardDraft(id: string): Promise<void> {
	const db = database();
	await db.transaction('rw', db.drafts, db.photos, async () => {
		await db.drafts.delete(id);
		await db.photos.where('visitId').equals(id).delete();
	});
}

/** A photo is stored the moment it is taken, so a crash before finalising keeps it. */
export async function addPhoto(photo: StoredPhoto, draft: VisitDraft): Promise<VisitDraft> {
	const db = database();
	const next = { ...draft, photoIds: [...draft.photoIds, photo.id] };
	await db.transaction('rw', db.drafts, db.photos, async () => {
		await db.photos.put(photo);
		await saveDraft(next);
	});
	return next;
}

export async function removePhoto(photoId: string, draft: VisitDraft): Promise<VisitDraft> {
	const db = database();
	const next = { ...draft, photoIds: draft.photoIds.filter((p) => p !== photoId) };
	await db.transaction('rw', db.drafts, db.photos, async () => {
		await db.photos.delete(photoId);
		await saveDraft(next);
	});
	return next;
}

export async function photosFor(visitId: string): Promise<StoredPhoto[]> {
	return database().photos.where('visitId').equals(visitId).toArray();
}
