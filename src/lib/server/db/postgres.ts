import pg from 'pg';
import { Kysely, PostgresDialect } from 'kysely';
import type { Database } from './schema';

// COUNT(*) and other int8 results arrive as strings by default; every count here fits a double.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

/** PostgreSQL through a pool of `pg` connections (size from DATABASE_POOL_SIZE, default 10). */
export function openPostgres(url: string, poolSize = 10): Kysely<Database> {
	const pool = new pg.Pool({ connectionString: url, max: poolSize });
	// An idle client losing its server (a restart, a failover) must not take the process down.
	pool.on('error', (e) => console.error(`PostgreSQL pool: ${e.name}`));
	return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}
