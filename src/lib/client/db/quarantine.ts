import { visitDraftSchema } from '$lib/domain/visit-draft';
import { database } from './database';

/**
 * Stored values that no longer parse are moved to the quarantine table, never deleted and never
 * used: readers already treat them as absent, and the officer sees a notice (see
 * quarantinedCount) instead of a crash. The start-up check of every value is quarantine-check.ts.
 */

/** Moves the draft `id` aside if it no longer parses. @returns whether it did. */
export async function quarantineDraftIfInvalid(id: string): Promise<boolean> {
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

export async function quarantinedCount(): Promise<number> {
	return database().quarantine.count();
}
