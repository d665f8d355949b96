import Sqlite from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import {
	Kysely,
	Migrator,
	SqliteAdapter,
	SqliteDialect,
	type SqliteDatabase,
	type SqliteStatement
} from 'kysely';
import { EACH_ROW, eachRow } from './each-row';
import { migrations } from './migrations';
import type { Database } from './schema';

export type Db = Kysely<Database>;

export const DEFAULT_DATABASE_URL = 'sqlite:./data/fieldcheck.db';

/** `sqlite:path`, `file:path` or a bare path. PostgreSQL is planned behind this same layer. */
export function sqlitePathFromUrl(url: string): string {
	if (/^postgres(ql)?:/.test(url)) {
		throw new Error('PostgreSQL is not supported yet: use a sqlite: DATABASE_URL');
	}
	const path = url.replace(/^(sqlite|file):(\/\/)?/, '');
	return path === ':memory:' ? path : resolve(path);
}

export function openSqlite(path: string): Sqlite.Database {
	if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
	const raw = new Sqlite(path);
	raw.pragma('journal_mode = WAL');
	// FULL: a visit the server has acknowledged must survive a power cut, because the device
	// deletes its copy once acknowledged.
	raw.pragma('synchronous = FULL');
	raw.pragma('foreign_keys = ON');
	raw.pragma('busy_timeout = 5000');
	return raw;
}

/**
 * Kysely prepares every query afresh; SQLite parsing a statement each time can cost more than
 * running it. Statements are reusable, so keep the recent ones (and run EACH_ROW writes once
 * per parameter list, see each-row.ts). Kysely runs one query at a time
 * on this single connection, so a cached statement is never in use twice; that would stop
 * holding if anything used Kysely's `.stream()`, which keeps a statement open while iterating.
 */
export function withStatementCache(raw: Sqlite.Database, size = 100): SqliteDatabase {
	const cache = new Map<string, SqliteStatement>();
	return {
		close: () => raw.close(),
		prepare(sql: string) {
			let statement = cache.get(sql);
			if (!statement) {
				statement = sql.startsWith(EACH_ROW)
					? eachRow(raw, raw.prepare(sql.slice(EACH_ROW.length)))
					: raw.prepare(sql);
				if (cache.size >= size) cache.delete(cache.keys().next().value!);
				cache.set(sql, statement);
			}
			return statement;
		}
	};
}

/** SQLite behind withStatementCache: the one adapter that can run EACH_ROW writes. */
class CachedSqliteAdapter extends SqliteAdapter {}

class CachedSqliteDialect extends SqliteDialect {
	override createAdapter() {
		return new CachedSqliteAdapter();
	}
}

/** Whether `db` (or the transaction it is) runs on a connection that understands EACH_ROW. */
export function runsEachRow(db: Db): boolean {
	return db.getExecutor().adapter instanceof CachedSqliteAdapter;
}

/** The data-access layer over an open SQLite handle: every Db is made here, with the cache. */
export function kyselyOver(raw: Sqlite.Database): Db {
	return new Kysely<Database>({
		dialect: new CachedSqliteDialect({ database: withStatementCache(raw) })
	});
}

export async function openDatabase(url: string): Promise<{ db: Db; raw: Sqlite.Database }> {
	const raw = openSqlite(sqlitePathFromUrl(url));
	const db = kyselyOver(raw);
	await migrate(db);
	return { db, raw };
}

export async function migrate(db: Db): Promise<void> {
	const migrator = new Migrator({
		db,
		provider: { getMigrations: async () => migrations }
	});
	const { error, results } = await migrator.migrateToLatest();
	const failed = results?.find((r) => r.status === 'Error');
	if (error || failed) {
		throw new Error(`Database migration failed${failed ? ` at ${failed.migrationName}` : ''}`, {
			cause: error
		});
	}
}

/** Next value of the global change counter, inside the caller's transaction. */
export function nextSeq(db: Db): Promise<number> {
	return reserveSeqs(db, 1);
}

/** Takes `count` consecutive counter values at once (for a batch); returns the first. */
export async function reserveSeqs(db: Db, count: number): Promise<number> {
	const row = await db
		.updateTable('counters')
		.set((eb) => ({ value: eb('value', '+', count) }))
		.where('name', '=', 'change')
		.returning('value')
		.executeTakeFirstOrThrow();
	return row.value - count + 1;
}
