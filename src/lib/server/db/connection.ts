import Sqlite from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Kysely, Migrator, sql } from 'kysely';
import { engineOf } from './engine';
import { migrations } from './migrations';
import { openPostgres } from './postgres';
import type { Database } from './schema';
import { sqliteDialect } from './sqlite-driver';

export type Db = Kysely<Database>;

export const DEFAULT_DATABASE_URL = 'sqlite:./data/fieldcheck.db';

export function isPostgresUrl(url: string): boolean {
	return /^postgres(ql)?:/.test(url);
}

/** `sqlite:path`, `file:path` or a bare path. */
export function sqlitePathFromUrl(url: string): string {
	if (isPostgresUrl(url)) throw new Error('Not an SQLite DATABASE_URL');
	const path = url.replace(/^(sqlite|file):(\/\/)?/, '');
	return path === ':memory:' ? path : resolve(path);
}

export function openSqlite(path: string): Sqlite.Database {
	if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
	const raw = new Sqlite(path);
	// First: a second process opening the file while the first creates it or switches it to WAL
	// must wait for the lock, not fail at once with "database is locked".
	raw.pragma('busy_timeout = 5000');
	switchToWal(raw);
	// FULL: a visit the server has acknowledged must survive a power cut, because the device
	// deletes its copy once acknowledged.
	raw.pragma('synchronous = FULL');
	raw.pragma('foreign_keys = ON');
	return raw;
}

/**
 * Switching a new file to WAL takes an exclusive lock, and SQLite may answer SQLITE_BUSY without
 * calling the busy handler (while another connection is mid-way through the same switch or a WAL
 * recovery). Several servers start together on one new file, so the switch is retried briefly.
 */
function switchToWal(raw: Sqlite.Database, forMs = 30_000): void {
	const deadline = Date.now() + forMs;
	const pause = new Int32Array(new SharedArrayBuffer(4));
	for (;;) {
		try {
			raw.pragma('journal_mode = WAL');
			return;
		} catch (e) {
			if (!isBusy(e) || Date.now() > deadline) throw e;
			// Opening a database is synchronous; there is nothing else this process can do yet.
			Atomics.wait(pause, 0, 0, 25);
		}
	}
}

function isBusy(e: unknown): boolean {
	return (e as { code?: string }).code?.startsWith('SQLITE_BUSY') ?? false;
}

/** The data-access layer over an open SQLite handle: every SQLite Db is made here. */
export function kyselyOver(raw: Sqlite.Database): Db {
	return new Kysely<Database>({ dialect: sqliteDialect(raw) });
}

/** An SQLite database, migrated; the raw handle is for tests and benchmarks. */
export async function openDatabase(url: string): Promise<{ db: Db; raw: Sqlite.Database }> {
	const raw = openSqlite(sqlitePathFromUrl(url));
	const db = kyselyOver(raw);
	await migrate(db);
	return { db, raw };
}

/** The server's database, SQLite or PostgreSQL by the URL's scheme, migrated. */
export async function connect(url: string, poolSize = 10): Promise<Db> {
	if (!isPostgresUrl(url)) return (await openDatabase(url)).db;
	const db = openPostgres(url, poolSize);
	await migrate(db);
	return db;
}

/**
 * Brings the schema up to date, once however many servers start together. On PostgreSQL
 * Kysely's migrator takes an advisory lock itself. On SQLite its lock is a no-op (it assumes one
 * connection in one process), so the whole run happens inside one BEGIN IMMEDIATE: a second
 * process waits, then finds nothing left to do.
 */
export async function migrate(db: Db): Promise<void> {
	const run = async (on: Db) => {
		const migrator = new Migrator({
			db: on,
			provider: { getMigrations: async () => migrations },
			// Migrations are numbered per piece of work and may land in any order (a database that
			// ran 006 can meet 005 later); each is independent of those numbered near it.
			allowUnorderedMigrations: true
		});
		const { error, results } = await migrator.migrateToLatest();
		const failed = results?.find((r) => r.status === 'Error');
		if (error || failed) {
			throw new Error(`Database migration failed${failed ? ` at ${failed.migrationName}` : ''}`, {
				cause: error
			});
		}
	};
	if (engineOf(db) === 'postgres') return run(db);
	await db.connection().execute((conn) =>
		waitOutBusy(async () => {
			await sql`begin immediate`.execute(conn);
			try {
				await run(conn);
			} catch (e) {
				await sql`rollback`.execute(conn);
				throw e;
			}
			await sql`commit`.execute(conn);
		})
	);
}

/** An arbitrary constant: the key of the start-up advisory lock on PostgreSQL. */
const STARTUP_LOCK = 7_301_913;

/**
 * Runs `fn` in one writing transaction that only one server at a time can be in, for start-up
 * work that reads then writes (seeding an empty database). PostgreSQL: a transaction-scoped
 * advisory lock. SQLite: the transaction's BEGIN IMMEDIATE is the lock; another process may hold
 * it for longer than busy_timeout while seeding, so SQLITE_BUSY is waited out here.
 */
export function underStartupLock<T>(db: Db, fn: (trx: Db) => Promise<T>): Promise<T> {
	if (engineOf(db) === 'postgres') {
		return db.transaction().execute(async (trx) => {
			await sql`select pg_advisory_xact_lock(${STARTUP_LOCK})`.execute(trx);
			return fn(trx);
		});
	}
	return waitOutBusy(() => db.transaction().execute(fn));
}

async function waitOutBusy<T>(fn: () => Promise<T>, forMs = 120_000): Promise<T> {
	const deadline = Date.now() + forMs;
	for (;;) {
		try {
			return await fn();
		} catch (e) {
			if (!isBusy(e) || Date.now() > deadline) throw e;
		}
	}
}

/** Next value of the global change counter, inside the caller's transaction. */
export function nextSeq(db: Db): Promise<number> {
	return reserveSeqs(db, 1);
}

/**
 * Takes `count` consecutive counter values at once (for a batch); returns the first. The UPDATE
 * locks the counter row until the caller's transaction ends, so transactions that take values
 * commit in the order of their values: a reader that sees the counter at N sees every change
 * numbered up to N (see docs/sync-protocol.md, "The change counter under concurrency").
 */
export async function reserveSeqs(db: Db, count: number): Promise<number> {
	const row = await takeSeqs(db, count).executeTakeFirstOrThrow();
	return row.value - count + 1;
}

/**
 * The statement behind `reserveSeqs`, answering the counter's new value: on PostgreSQL it can
 * also ride in another statement's WITH, saving a round trip.
 */
export function takeSeqs(db: Db, count: number) {
	return db
		.updateTable('counters')
		.set((eb) => ({ value: eb('value', '+', count) }))
		.where('name', '=', 'change')
		.returning('value');
}

/**
 * The counter's value, locked until the caller's transaction ends like `reserveSeqs` (which it
 * is, for no values): until then no other writer can take a value, so nothing is written.
 */
export async function lockedSeq(db: Db): Promise<number> {
	return (await reserveSeqs(db, 0)) - 1;
}

/** A round trip to the database, for health checks: throws when it cannot be reached. */
export async function ping(db: Db): Promise<void> {
	await sql`select 1`.execute(db);
}
