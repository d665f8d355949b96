import { env } from '$env/dynamic/private';
import { DEFAULT_DATABASE_URL, openDatabase, type Db } from './db/connection';

/** The one database this server process talks to, opened (and migrated) on first use. */
let opened: Promise<Db> | undefined;

export function db(): Promise<Db> {
	opened ??= openDatabase(env.DATABASE_URL || DEFAULT_DATABASE_URL).then((o) => o.db);
	return opened;
}
