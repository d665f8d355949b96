import { visitDraftSchema } from '$lib/domain/visit-draft';
import { database } from './database';
import { declaredValues } from './meta';
// Imported for their declarations, so the check below knows every stored value.
import './account-values';
import './map-values';
import './route-values';
import './sync-values';

/**
 * Stored values that no longer parse are moved to the quarantine table, never deleted and never
 * used: readers already treat them as absent, and the officer sees a notice (see
 * quarantinedCount) instead of a crash.
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

/**
 * Checks every draft and every declared value once (at start-up, after sign-in), moving aside
 * what no longer parses. @returns how many were moved.
 */
export async function quarantineInvalid(): Promise<number> {
	const db = database();
	return db.transaction('rw', db.drafts, db.meta, db.quarantine, async () => {
		const keptAt = new Date().toISOString();
		let moved = 0;
		for (const row of await db.drafts.toArray()) {
			if (visitDraftSchema.safeParse(row.draft).success) continue;
			await db.quarantine.add({ kind: 'draft', key: row.id, value: row, keptAt });
			await db.drafts.delete(row.id);
			moved += 1;
		}
		for (const value of declaredValues()) {
			const row = await db.meta.get(value.key);
			if (row === undefined || value.schema.safeParse(row.value).success) continue;
			// A critical value stays in place (reading it throws rather than restarting from a
			// default that could lose visits); a copy is kept aside once, so the officer is told.
			const copies = db.quarantine.where('kind').equals('value');
			if (value.critical && (await copies.filter((q) => q.key === value.key).count()) > 0) continue;
			await db.quarantine.add({ kind: 'value', key: value.key, value: row.value, keptAt });
			if (!value.critical) await db.meta.delete(value.key);
			moved += 1;
		}
		return moved;
	});
}

export async function quarantinedCount(): Promise<number> {
	return database().quarantine.count();
}
