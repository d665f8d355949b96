import type { CaseloadPage, SubjectBundle } from '$lib/domain/caseload';
import { caseloadSortKey, searchTokens } from '$lib/domain/caseload-order';
import { database, type StoredSubject } from './database';
import * as meta from './meta';

export function toStored(bundle: SubjectBundle): StoredSubject {
	return {
		id: bundle.subject.id,
		bundle,
		sortKey: caseloadSortKey(bundle),
		tokens: searchTokens(bundle),
		leaving: 0
	};
}

/**
 * Applies one page of the caseload feed atomically: the subjects, the removals and the cursor
 * commit together, so a crash mid-download resumes from the last whole page.
 */
export async function applyCaseloadPage(page: CaseloadPage): Promise<void> {
	const db = database();
	await db.transaction('rw', db.subjects, db.meta, async () => {
		if (page.bundles.length > 0) await db.subjects.bulkPut(page.bundles.map(toStored));
		if (page.removed.subjectIds.length > 0) {
			await db.subjects.bulkDelete(page.removed.subjectIds);
		}
		await meta.set('cursor', page.cursor);
		await meta.set('lastSyncedAt', page.serverTime);
	});
}

export async function firstSubjects(limit: number): Promise<SubjectBundle[]> {
	const rows = await database().subjects.orderBy('sortKey').limit(limit).toArray();
	return rows.map((r) => r.bundle);
}

export async function allSubjects(): Promise<StoredSubject[]> {
	return database().subjects.orderBy('sortKey').toArray();
}

export async function getSubject(id: string): Promise<SubjectBundle | undefined> {
	return (await database().subjects.get(id))?.bundle;
}

export async function countSubjects(): Promise<number> {
	return database().subjects.count();
}

/** Forget the caseload (another officer signs in on this device). */
export async function clearCaseload(): Promise<void> {
	const db = database();
	await db.transaction('rw', db.subjects, db.meta, async () => {
		await db.subjects.clear();
		await meta.remove('cursor');
		await meta.remove('lastSyncedAt');
	});
}
