import Sqlite from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
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

export async function openDatabase(url: string): Promise<{ db: Db; raw: Sqlite.Database }> {
	const raw = openSqlite(sqlitePathFromUrl(url));
	const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: raw }) });
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
export async function nextSeq(db: Db): Promise<number> {
	const row = await db
		.updateTable('counters')
		.set((eb) => ({ value: eb('value', '+', 1) }))
		.where('name', '=', 'change')
		.returning('value')
		.executeTakeFirstOrThrow();
	return row.value;
}
