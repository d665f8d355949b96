import {
	DummyDriver,
	Kysely,
	PostgresAdapter,
	PostgresIntrospector,
	PostgresQueryCompiler,
	type CompiledQuery,
	type DatabaseConnection
} from 'kysely';
import { describe, expect, it } from 'vitest';
import { insertRows } from './bulk';
import { isIn, readByKeys } from './lists';
import type { Database } from './schema';

/**
 * The SQLite-only shortcuts (runEach writes, json_each look-ups) must leave other dialects
 * with plain, portable SQL: compiled here for PostgreSQL and recorded instead of run.
 */
function recordingPostgres() {
	const seen: CompiledQuery[] = [];
	class Recording extends DummyDriver {
		override async acquireConnection(): Promise<DatabaseConnection> {
			return {
				executeQuery: async (query) => {
					seen.push(query);
					return { rows: [] };
				},
				streamQuery: () => {
					throw new Error('not used');
				}
			};
		}
	}
	const db = new Kysely<Database>({
		dialect: {
			createAdapter: () => new PostgresAdapter(),
			createDriver: () => new Recording(),
			createIntrospector: (k) => new PostgresIntrospector(k),
			createQueryCompiler: () => new PostgresQueryCompiler()
		}
	});
	return { db, seen };
}

describe('portable SQL away from SQLite', () => {
	it('inserts as multi-row VALUES statements in chunks, every value in its place', async () => {
		const { db, seen } = recordingPostgres();
		const rows = Array.from({ length: 250 }, (_, i) => ({
			at: '2026-11-27T10:00:00.000Z',
			action: 'record-visit',
			outcome: 'accepted',
			detail: `seq=${i}`
		}));
		await insertRows(db, 'audit', rows, 100);
		expect(seen.map((q) => q.parameters.length)).toEqual([400, 400, 200]);
		expect(seen[0]!.sql).toMatch(
			/^insert into "audit" \("at", "action", "outcome", "detail"\) values/
		);
		expect(seen.flatMap((q) => q.parameters).filter((p) => String(p).startsWith('seq='))).toEqual(
			rows.map((r) => r.detail)
		);
	});

	it('looks keys up with plain IN lists of at most 500, each key once', async () => {
		const { db, seen } = recordingPostgres();
		const keys = Array.from({ length: 1200 }, (_, i) => `k${i % 1100}`);
		await readByKeys(db, keys, (part) =>
			db
				.selectFrom('visits')
				.select('id')
				.where(isIn(db, 'id', part))
				.execute()
		);
		expect(seen.map((q) => q.parameters.length)).toEqual([500, 500, 100]);
		expect(seen[0]!.sql).toBe(
			`select "id" from "visits" where "id" IN (${Array.from({ length: 500 }, (_, i) => `$${i + 1}`).join(', ')})`
		);
		expect(seen.some((q) => q.sql.includes('json_each'))).toBe(false);
		seen.length = 0;
		await db
			.selectFrom('visits')
			.select('id')
			.where(isIn(db, 'id', []))
			.execute();
		expect(seen[0]!.sql).toBe('select "id" from "visits" where 1 = 0');
	});
});
