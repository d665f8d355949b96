import type Sqlite from 'better-sqlite3';
import type { SqliteStatement } from 'kysely';

/**
 * Marks a compiled single-row write whose parameters are a list of parameter lists: the
 * SQLite connection (withStatementCache) runs the statement once per list, synchronously,
 * inside whatever transaction is open. A driver that does not know the mark sees an SQL
 * comment and a wrong parameter count, and fails loudly rather than writing anything odd.
 */
export const EACH_ROW = '/* fieldcheck:each-row */ ';

/**
 * All the rows or none, like the one multi-row INSERT it stands for: the loop runs in
 * better-sqlite3's transaction wrapper, which is a SAVEPOINT inside an open transaction (so
 * a failure at row k takes rows 1..k-1 back with it) and one transaction outside any.
 */
export function eachRow(raw: Sqlite.Database, statement: Sqlite.Statement): SqliteStatement {
	const runAll = raw.transaction((rows: unknown[][]) => {
		let changes = 0;
		let lastInsertRowid: number | bigint = 0;
		for (const row of rows) {
			const result = statement.run(row);
			changes += result.changes;
			lastInsertRowid = result.lastInsertRowid;
		}
		return { changes, lastInsertRowid };
	});
	return {
		reader: false,
		run: (rows: ReadonlyArray<unknown>) => runAll(rows as unknown[][]),
		all() {
			throw new Error('An each-row statement writes; it has no rows to read');
		},
		iterate() {
			throw new Error('An each-row statement writes; it has no rows to read');
		}
	};
}
