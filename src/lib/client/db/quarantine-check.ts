import { visitDraftSchema } from '$lib/domain/visit-draft';
import { database, type FieldcheckDatabase } from './database';
import { declaredValues, type StoredValue } from './meta';
// Imported for their declarations, so the check knows every stored value. A module of its own,
// loaded when the check runs, so these schemas stay out of the first page's JavaScript.
import './account-values';
import './map-values';
import './route-values';
import './sync-values';

/** What the check would move aside: drafts that fail to parse, and values (with their rows). */
async function findInvalid(db: FieldcheckDatabase) {
	const drafts = (await db.drafts.toArray()).filter(
		(row) => !visitDraftSchema.safeParse(row.draft).success
	);
	const checked = declaredValues().filter((v) => v.checkedAtStart);
	// One batch: the rows are decrypted together, not one round trip after another.
	const rows = await db.meta.bulkGet(checked.map((v) => v.key));
	const kept = new Set(
		(await db.quarantine.where('kind').equals('value').toArray()).map((q) => q.key)
	);
	const values: { value: StoredValue<unknown>; stored: unknown }[] = [];
	checked.forEach((value, i) => {
		const row = rows[i];
		if (row === undefined || value.schema.safeParse(row.value).success) return;
		// A critical value stays in place (reading it throws rather than restarting from a
		// default that could lose visits); a copy is kept aside once, so the officer is told.
		if (value.critical && kept.has(value.key)) return;
		values.push({ value, stored: row.value });
	});
	return { drafts, values };
}

/**
 * Checks every draft and every declared value once (at start-up, after sign-in), moving aside
 * what no longer parses. @returns how many were moved.
 */
export async function quarantineInvalid(): Promise<number> {
	const db = database();
	const tables = [db.drafts, db.meta, db.quarantine];
	// Nearly always nothing is wrong: looked for read-only, so the first screen's reads of the
	// same tables are not queued behind a read-write transaction while every value is decrypted.
	const found = await db.transaction('r', tables, () => findInvalid(db));
	if (found.drafts.length === 0 && found.values.length === 0) return 0;
	return db.transaction('rw', tables, async () => {
		// Looked for again: another tab may have moved them in between.
		const { drafts, values } = await findInvalid(db);
		const keptAt = new Date().toISOString();
		for (const row of drafts) {
			await db.quarantine.add({ kind: 'draft', key: row.id, value: row, keptAt });
			await db.drafts.delete(row.id);
		}
		for (const { value, stored } of values) {
			await db.quarantine.add({ kind: 'value', key: value.key, value: stored, keptAt });
			if (!value.critical) await db.meta.delete(value.key);
		}
		return drafts.length + values.length;
	});
}
