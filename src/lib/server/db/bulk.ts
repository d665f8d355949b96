import type { CompiledQuery, DialectAdapter, Insertable } from 'kysely';
import type { Db } from './connection';
import type { Database } from './schema';
import { runsEach } from './sqlite-driver';

/**
 * INSERTs of many rows for the sync hot path. Kysely builds and compiles the statement once per
 * table and column list (and row count); later batches reuse it with new parameters, so a
 * 1,000-visit push spends its time in the database rather than in building 20,000 value nodes.
 *
 * On SQLite the database is a library in this process: there is no round trip to save, and one
 * prepared single-row INSERT run once per row beats a multi-row VALUES list (which SQLite
 * feeds through a co-routine and has to bind in one go). So on SQLite the compiled single-row
 * statement goes to the connection's `runEach` with one parameter list per row (all rows or
 * none, see sqlite-driver.ts); PostgreSQL gets multi-row statements. Either way the SQL is
 * Kysely's.
 */
type Table = keyof Database;

/** An upsert: on a clash on `conflict`, the row's `update` columns replace the stored ones. */
export interface OnConflict {
	conflict: string[];
	update: string[];
}

interface Template {
	query: CompiledQuery;
	/** For each parameter: which row and which column it takes its value from. */
	slots: { row: number; column: string }[];
}

/** Per adapter, i.e. per Kysely instance: SQL compiled for one dialect is never run on another. */
const templatesOf = new WeakMap<DialectAdapter, Map<string, Template>>();
const MAX_TEMPLATES = 64;

function template(
	db: Db,
	table: Table,
	columns: string[],
	rows: number,
	upsert: OnConflict | undefined
): Template {
	const adapter = db.getExecutor().adapter;
	let templates = templatesOf.get(adapter);
	if (!templates) templatesOf.set(adapter, (templates = new Map()));
	const on = upsert ? `${upsert.conflict.join(',')}>${upsert.update.join(',')}` : '';
	const key = `${table}|${columns.join(',')}|${rows}|${on}`;
	const cached = templates.get(key);
	if (cached) return cached;
	// Compile with a marker in every cell, then read off where each marker landed: correct
	// whatever order Kysely emits parameters in.
	const marked = Array.from({ length: rows }, (_, row) =>
		Object.fromEntries(columns.map((column) => [column, `\u0000${row}\u0000${column}`]))
	);
	// The marked rows are strings in every column; Kysely only sees them as parameters.
	const insert = db.insertInto(table).values(marked as Insertable<Database[Table]>[]);
	// Column names come from the caller's code, never from data; Kysely quotes them.
	const query = (
		upsert
			? insert.onConflict((oc) =>
					oc
						.columns(upsert.conflict as never[])
						.doUpdateSet((eb) =>
							Object.fromEntries(upsert.update.map((c) => [c, eb.ref(`excluded.${c}` as never)]))
						)
				)
			: insert
	).compile();
	const slots = query.parameters.map((p) => {
		const [, row, column] = String(p).split('\u0000');
		return { row: Number(row), column: column! };
	});
	if (templates.size >= MAX_TEMPLATES) templates.clear();
	const t = { query, slots };
	templates.set(key, t);
	return t;
}

/**
 * Inserts rows that all have the same columns; callers run it inside their transaction, so it
 * is all or none. Elsewhere than SQLite, `chunk` rows per statement keeps within the dialect's
 * limit on bound values.
 */
export function insertRows<T extends Table>(
	db: Db,
	table: T,
	rows: Insertable<Database[T]>[],
	chunk = 100
): Promise<void> {
	return writeRows(db, table, rows, chunk, undefined);
}

/**
 * `insertRows` as an upsert (INSERT … ON CONFLICT DO UPDATE), as prepared bulk statements on
 * both engines. No two rows of one call may share the conflict key (PostgreSQL refuses to
 * update a row twice in one statement).
 */
export function upsertRows<T extends Table>(
	db: Db,
	table: T,
	rows: Insertable<Database[T]>[],
	on: OnConflict,
	chunk = 100
): Promise<void> {
	return writeRows(db, table, rows, chunk, on);
}

async function writeRows<T extends Table>(
	db: Db,
	table: T,
	rows: Insertable<Database[T]>[],
	chunk: number,
	upsert: OnConflict | undefined
): Promise<void> {
	const first = rows[0];
	if (!first) return;
	const columns = Object.keys(first);
	const all = rows as Record<string, unknown>[];
	// The connection Kysely would run the next query on (the transaction's, when `db` is one).
	await db.getExecutor().provideConnection(async (connection) => {
		if (runsEach(connection)) {
			const { query, slots } = template(db, table, columns, 1, upsert);
			await connection.runEach(
				query,
				all.map((row) => slots.map((s) => row[s.column]))
			);
			return;
		}
		for (let i = 0; i < all.length; i += chunk) {
			const part = all.slice(i, i + chunk);
			const { query, slots } = template(db, table, columns, part.length, upsert);
			await connection.executeQuery({
				...query,
				parameters: slots.map((s) => part[s.row]![s.column])
			});
		}
	});
}
