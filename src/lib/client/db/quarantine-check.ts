import { visitDraftSchema } from '$lib/domain/visit-draft';
import { database } from './database';
import { declaredValues } from './meta';
// Imported for their declarations, so the check knows every stored value. A module of its own,
// loaded when the check runs, so these schemas stay out of the first page's JavaScript.
import './account-values';
import './map-values';
import './route-values';
import './sync-values';

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
			if (!value.checkedAtStart) continue;
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
