import type Sqlite from 'better-sqlite3';
import {
	CompiledQuery,
	SqliteAdapter,
	SqliteIntrospector,
	SqliteQueryCompiler,
	type DatabaseConnection,
	type Dialect,
	type Driver,
	type QueryResult,
	type TransactionSettings
} from 'kysely';

/**
 * Kysely's SQLite dialect with three things the server needs, each visible here:
 *
 * - Writing transactions start `BEGIN IMMEDIATE`: a deferred BEGIN that later writes fails at
 *   once with SQLITE_BUSY when another process holds the write lock, instead of waiting out
 *   busy_timeout. Transactions begun `.setAccessMode('read only')` stay deferred.
 * - Prepared statements are cached: parsing can cost more than running. One connection runs one
 *   query at a time, so a cached statement is never in use twice (`streamQuery` prepares its own).
 * - `runEach`: one compiled single-row write run once per parameter list, for bulk inserts
 *   (see bulk.ts). A library in this process has no round trip to save, and a prepared
 *   single-row INSERT per row beats a multi-row VALUES list.
 */
export class SqliteConnection implements DatabaseConnection {
	readonly #db: Sqlite.Database;
	readonly #cache = new Map<string, Sqlite.Statement>();
	readonly #size: number;

	constructor(db: Sqlite.Database, cacheSize = 100) {
		this.#db = db;
		this.#size = cacheSize;
	}

	#prepare(sql: string): Sqlite.Statement {
		let statement = this.#cache.get(sql);
		if (!statement) {
			statement = this.#db.prepare(sql);
			if (this.#cache.size >= this.#size) this.#cache.delete(this.#cache.keys().next().value!);
			this.#cache.set(sql, statement);
		}
		return statement;
	}

	async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
		const statement = this.#prepare(query.sql);
		const parameters = query.parameters as unknown[];
		if (statement.reader) return { rows: statement.all(parameters) as R[] };
		const { changes, lastInsertRowid } = statement.run(parameters);
		return { numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid), rows: [] };
	}

	async *streamQuery<R>(query: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
		for (const row of this.#db.prepare(query.sql).iterate(query.parameters as unknown[])) {
			yield { rows: [row as R] };
		}
	}

	/**
	 * Runs `query` once per parameter list; all rows or none, like the one multi-row INSERT it
	 * stands for: better-sqlite3's transaction wrapper is a SAVEPOINT inside an open transaction
	 * and a transaction of its own outside one.
	 */
	async runEach(query: CompiledQuery, rows: readonly unknown[][]): Promise<number> {
		const statement = this.#prepare(query.sql);
		return this.#db.transaction(() => {
			let changes = 0;
			for (const row of rows) changes += statement.run(row).changes;
			return changes;
		})();
	}
}

/** Whether a connection can run a statement once per row (only our SQLite one can). */
export function runsEach(connection: DatabaseConnection): connection is SqliteConnection {
	return connection instanceof SqliteConnection;
}

class SqliteDriver implements Driver {
	readonly #connection: SqliteConnection;
	readonly #raw: Sqlite.Database;
	#queue: Promise<void> = Promise.resolve();

	constructor(raw: Sqlite.Database) {
		this.#raw = raw;
		this.#connection = new SqliteConnection(raw);
	}

	async init(): Promise<void> {}

	/** One connection: callers take turns. */
	async acquireConnection(): Promise<DatabaseConnection> {
		let release!: () => void;
		const previous = this.#queue;
		this.#queue = new Promise((r) => (release = r));
		await previous;
		this.#release = release;
		return this.#connection;
	}

	#release: (() => void) | undefined;

	async releaseConnection(): Promise<void> {
		const release = this.#release;
		this.#release = undefined;
		release?.();
	}

	async beginTransaction(c: DatabaseConnection, settings: TransactionSettings): Promise<void> {
		const mode = settings.accessMode === 'read only' ? 'begin' : 'begin immediate';
		await c.executeQuery(CompiledQuery.raw(mode));
	}

	async commitTransaction(c: DatabaseConnection): Promise<void> {
		await c.executeQuery(CompiledQuery.raw('commit'));
	}

	async rollbackTransaction(c: DatabaseConnection): Promise<void> {
		await c.executeQuery(CompiledQuery.raw('rollback'));
	}

	async destroy(): Promise<void> {
		this.#raw.close();
	}
}

export function sqliteDialect(raw: Sqlite.Database): Dialect {
	return {
		createAdapter: () => new SqliteAdapter(),
		createDriver: () => new SqliteDriver(raw),
		createIntrospector: (db) => new SqliteIntrospector(db),
		createQueryCompiler: () => new SqliteQueryCompiler()
	};
}
