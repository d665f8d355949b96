import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Db } from './connection';
import { engineOf } from './engine';

/**
 * Look-ups by a list of keys: what a sync push does for the subjects, addresses, visits and
 * photos its mutations name.
 *
 * On SQLite the whole list travels as one JSON parameter, read back with json_each: the SQL text
 * is the same whatever the list's length, so the prepared statement is reused (an IN list of a
 * new length is a new statement to parse), Kysely builds one node instead of one per key, and
 * there is no limit on bound values to chunk around. Other dialects get a plain IN list in
 * chunks well under their limits (SQLite 32,766 values, PostgreSQL 65,535).
 */
const CHUNK = 500;

function onSqlite(db: Db): boolean {
	return engineOf(db) === 'sqlite';
}

/**
 * `column IN (values)`, for a `where`. Give numbers for INTEGER columns and strings for TEXT
 * ones: json_each hands values back with their JSON type, and SQLite compares 123 and '123'
 * as different. `column` is quoted as an identifier, never spliced in as SQL.
 */
export function isIn(
	db: Db,
	column: string,
	values: readonly (string | number)[]
): RawBuilder<SqlBool> {
	if (values.length === 0) return sql<SqlBool>`1 = 0`;
	if (onSqlite(db)) {
		return sql<SqlBool>`${sql.ref(column)} IN (SELECT value FROM json_each(${JSON.stringify(values)}))`;
	}
	return sql<SqlBool>`${sql.ref(column)} IN (${sql.join(values)})`;
}

/** Runs `read` over the distinct keys (in as few parts as the dialect allows), rows together. */
export async function readByKeys<K extends string | number, T>(
	db: Db,
	keys: readonly K[],
	read: (part: K[]) => Promise<T[]>
): Promise<T[]> {
	const unique = [...new Set(keys)];
	if (unique.length === 0) return [];
	const size = onSqlite(db) ? unique.length : CHUNK;
	const out: T[] = [];
	for (let i = 0; i < unique.length; i += size) {
		for (const row of await read(unique.slice(i, i + size))) out.push(row);
	}
	return out;
}
