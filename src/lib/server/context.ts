import { env } from '$env/dynamic/private';
import { connect, DEFAULT_DATABASE_URL, type Db } from './db/connection';

/** The one database this server process talks to, opened (and migrated) on first use. */
let opened: Promise<Db> | undefined;

export function db(): Promise<Db> {
	opened ??= connect(
		env.DATABASE_URL || DEFAULT_DATABASE_URL,
		Number(env.DATABASE_POOL_SIZE || 10)
	);
	return opened;
}

// adapter-node's graceful shutdown: close the pool, or its idle PostgreSQL connections keep the
// process alive after the HTTP server has stopped.
process.on('sveltekit:shutdown', () => {
	void opened?.then((d) => d.destroy());
});
