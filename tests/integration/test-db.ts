import Sqlite from 'better-sqlite3';
import pg from 'pg';
import { randomUUID } from 'node:crypto';

// COUNT(*) is int8, which pg hands back as a string by default.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

/**
 * Which engine the integration suite runs against: SQLite files by default, PostgreSQL when
 * FIELDCHECK_TEST_PG holds an admin URL of a running server (scripts/with-pg.sh starts one).
 * Each test server gets a database of its own.
 */
export const PG_ADMIN_URL = process.env.FIELDCHECK_TEST_PG;
export type Engine = 'sqlite' | 'postgres';
type Query = <T>(sql: string, ...params: unknown[]) => Promise<T[]>;
export const ENGINE: Engine = PG_ADMIN_URL ? 'postgres' : 'sqlite';

/** Reads the server's database directly, as an auditor would (`?` placeholders on both). */
export interface TestDb {
	engine: Engine;
	url: string;
	query<T>(sql: string, ...params: unknown[]): Promise<T[]>;
	/**
	 * Opens a writing transaction, runs `work` in it and leaves it open until `commit` is
	 * called: a server's transaction that commits late.
	 */
	hold(work: (q: Query) => Promise<void>): Promise<{ commit(): Promise<void> }>;
	drop(): Promise<void>;
}

export async function createTestDb(sqlitePath: string): Promise<TestDb> {
	if (!PG_ADMIN_URL) {
		return {
			engine: 'sqlite',
			url: `sqlite:${sqlitePath}`,
			async query<T>(sql: string, ...params: unknown[]) {
				const db = new Sqlite(sqlitePath, { readonly: true });
				// A reader can meet SQLITE_BUSY while a server checkpoints the WAL: wait, as they do.
				db.pragma('busy_timeout = 5000');
				try {
					return db.prepare(sql).all(...params) as T[];
				} finally {
					db.close();
				}
			},
			async hold(work) {
				const db = new Sqlite(sqlitePath);
				db.pragma('busy_timeout = 5000');
				db.exec('BEGIN IMMEDIATE');
				await work(async <T>(sql: string, ...params: unknown[]) => {
					const statement = db.prepare(sql);
					return (
						statement.reader ? statement.all(...params) : (statement.run(...params), [])
					) as T[];
				});
				return {
					async commit() {
						db.exec('COMMIT');
						db.close();
					}
				};
			},
			drop: async () => {}
		};
	}
	const name = `fc_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
	await withClient(PG_ADMIN_URL, (c) => c.query(`CREATE DATABASE ${name}`));
	const url = PG_ADMIN_URL.replace(/\/[^/]*$/, `/${name}`);
	return {
		engine: 'postgres',
		url,
		query: <T>(sql: string, ...params: unknown[]) =>
			withClient(url, async (c) => (await c.query(numbered(sql), params)).rows as T[]),
		async hold(work) {
			const client = new pg.Client({ connectionString: url });
			await client.connect();
			await client.query('BEGIN');
			await work(
				async <T>(sql: string, ...params: unknown[]) =>
					(await client.query(numbered(sql), params)).rows as T[]
			);
			return {
				async commit() {
					await client.query('COMMIT');
					await client.end();
				}
			};
		},
		drop: () =>
			withClient(PG_ADMIN_URL, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(
				() => {}
			)
	};
}

/** `?` placeholders (as on SQLite) to PostgreSQL's `$1, $2…`. */
function numbered(sql: string): string {
	let n = 0;
	return sql.replace(/\?/g, () => `$${++n}`);
}

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
	const client = new pg.Client({ connectionString: url });
	await client.connect();
	try {
		return await fn(client);
	} finally {
		await client.end();
	}
}
