import type { Db } from './connection';
import type { RecordRefsTable } from './schema';
import { isIn, readByKeys } from './lists';

type Kind = RecordRefsTable['kind'];

/** Our id for each records-system reference of one kind that we hold. */
export async function idsOf(
	db: Db,
	kind: Kind,
	references: string[]
): Promise<Map<string, string>> {
	// A first import into an empty database looks up tens of thousands of references that
	// cannot be there: one probe of the index says so.
	if (references.length > 500 && !(await anyHeld(db, kind))) return new Map();
	const rows = await readByKeys(db, references, (part) =>
		db
			.selectFrom('record_refs')
			.select(['reference', 'id'])
			.where('kind', '=', kind)
			.where(isIn(db, 'reference', part))
			.execute()
	);
	return new Map(rows.map((r) => [r.reference, r.id]));
}

/** Whether any reference of this kind is held at all. */
async function anyHeld(db: Db, kind: Kind): Promise<boolean> {
	const row = await db
		.selectFrom('record_refs')
		.select('id')
		.where('kind', '=', kind)
		.limit(1)
		.executeTakeFirst();
	return row !== undefined;
}

/** The reference for each of our ids of one kind. */
export async function referencesOf(
	db: Db,
	kind: Kind,
	ids: string[]
): Promise<Map<string, string>> {
	const rows = await readByKeys(db, ids, (part) =>
		db
			.selectFrom('record_refs')
			.select(['reference', 'id'])
			.where('kind', '=', kind)
			.where(isIn(db, 'id', part))
			.execute()
	);
	return new Map(rows.map((r) => [r.id, r.reference]));
}

/** Points a reference at an id (a record keeps one reference; changing it moves it). */
export async function set(db: Db, kind: Kind, reference: string | null, id: string): Promise<void> {
	await db.deleteFrom('record_refs').where('kind', '=', kind).where('id', '=', id).execute();
	if (reference === null) return;
	await db
		.insertInto('record_refs')
		.values({ kind, reference, id })
		.onConflict((oc) => oc.columns(['kind', 'reference']).doUpdateSet({ id }))
		.execute();
}
