import type Sqlite from 'better-sqlite3';
import type { SqliteStatement } from 'kysely';

/**
 * Marks a compiled single-row write whose parameters are a list of parameter lists: the
 * SQLite connection (withStatementCache) runs the statement once per list, synchronously,
 * inside whatever transaction is open. A driver that does not know the mark sees an SQL
 * comment and a wrong parameter count, and fails loudly rather than writing anything odd.
 */
export const EACH_ROW = '/* fieldcheck:each-row */ ';

export function eachRow(statement: Sqlite.Statement): SqliteStatement {
	return {
		reader: false,
		run(rows: ReadonlyArray<unknown>) {
			let changes = 0;
			for (const row of rows as unknown[][]) changes += statement.run(row).changes;
			return { changes, lastInsertRowid: 0 };
		},
		all() {
			throw new Error('An each-row statement writes; it has no rows to read');
		},
		iterate() {
			throw new Error('An each-row statement writes; it has no rows to read');
		}
	};
}
