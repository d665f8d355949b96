import type { CompiledQuery, Insertable } from 'kysely';
import type { Db } from './connection';
import type { Database } from './schema';

/**
 * Multi-row INSERTs for the sync hot path. Kysely builds and compiles the statement once per
 * table, column list and row count; later batches reuse it with new parameters. A 1,000-visit
 * push then spends its time in SQLite rather than in building and compiling 20,000 value nodes.
 * The SQL is still Kysely's, so it stays portable.
 */
type Table = keyof Database;

interface Template {
	query: CompiledQuery;
	/** For each parameter: which row and which column it takes its value from. */
	slots: { row: number; column: string }[];
}

const templates = new Map<string, Template>();
const MAX_TEMPLATES = 64;

function template(db: Db, table: Table, columns: string[], rows: number): Template {
	const key = `${table}|${columns.join(',')}|${rows}`;
	const cached = templates.get(key);
	if (cached) return cached;
	// Compile with a marker in every cell, then read off where each marker landed: correct
	// whatever order Kysely emits parameters in.
	const marked = Array.from({ length: rows }, (_, row) =>
		Object.fromEntries(columns.map((column) => [column, `\u0000${row}\u0000${column}`]))
	);
	// The marked rows are strings in every column; Kysely only sees them as parameters.
	const query = db
		.insertInto(table)
		.values(marked as Insertable<Database[Table]>[])
		.compile();
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
 * Inserts rows that all have the same columns, `chunk` rows per statement: around 100 was
 * fastest on SQLite here (bigger VALUES lists cost more to bind than they save in calls).
 */
export async function insertRows<T extends Table>(
	db: Db,
	table: T,
	rows: Insertable<Database[T]>[],
	chunk = 100
): Promise<void> {
	const first = rows[0];
	if (!first) return;
	const columns = Object.keys(first);
	for (let i = 0; i < rows.length; i += chunk) {
		const part = rows.slice(i, i + chunk) as Record<string, unknown>[];
		const { query, slots } = template(db, table, columns, part.length);
		const parameters = slots.map((s) => part[s.row]![s.column]);
		await db.executeQuery({ ...query, parameters });
	}
}
