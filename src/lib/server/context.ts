import type Sqlite from 'better-sqlite3';
import { env } from '$env/dynamic/private';
import { DEFAULT_DATABASE_URL, openDatabase, type Db } from './db/connection';

/** The one database this server process talks to, opened (and migrated) on first use. */
let opened: Promise<{ db: Db; raw: Sqlite.Database }> | undefined;

export function database(): Promise<{ db: Db; raw: Sqlite.Database }> {
	opened ??= openDatabase(env.DATABASE_URL || DEFAULT_DATABASE_URL);
	return opened;
}

export async function db(): Promise<Db> {
	return (await database()).db;
}
