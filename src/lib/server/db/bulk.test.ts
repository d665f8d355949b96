import { describe, expect, it } from 'vitest';
import Sqlite from 'better-sqlite3';
import { insertRows, upsertRows } from './bulk';
import { CompiledQuery } from 'kysely';
import { openDatabase } from './connection';
import { SqliteConnection } from './sqlite-driver';

describe('insertRows', () => {
	it('stores every row exactly as given, batch after batch, reusing compiled statements', async () => {
		const { db, raw } = await openDatabase('sqlite::memory:');
		const row = (i: number) => ({
			at: `2026-11-27T10:00:${String(i % 60).padStart(2, '0')}.000Z`,
			actor_id: `actor-${i}`,
			device_id: i % 3 === 0 ? null : `device-${i}`,
			action: 'record-visit',
			entity_id: `entity-${i}`,
			outcome: i % 2 ? 'accepted' : 'rejected',
			detail: `seq=${i}`
		});
		let next = 0;
		for (const count of [1, 7, 100, 101, 250, 7]) {
			const rows = Array.from({ length: count }, () => row(next++));
			await insertRows(db, 'audit', rows, 100);
		}
		const stored = raw
			.prepare(
				'SELECT at, actor_id, device_id, action, entity_id, outcome, detail FROM audit ORDER BY id'
			)
			.all();
		expect(stored).toEqual(Array.from({ length: next }, (_, i) => row(i)));
		await db.destroy();
	});

	it('writes inside the open transaction, so a rollback takes every row back', async () => {
		const { db, raw } = await openDatabase('sqlite::memory:');
		const count = () => (raw.prepare('SELECT count(*) AS n FROM audit').get() as { n: number }).n;
		const rows = Array.from({ length: 250 }, (_, i) => ({
			at: '2026-11-27T10:00:00.000Z',
			action: 'record-visit',
			outcome: 'accepted',
			detail: `seq=${i}`
		}));
		await expect(
			db.transaction().execute(async (trx) => {
				await insertRows(trx, 'audit', rows);
				expect(count()).toBe(250);
				throw new Error('abandon');
			})
		).rejects.toThrow('abandon');
		expect(count()).toBe(0);
		await db.destroy();
	});

	it('is all or none: a failure at one row leaves none of that call’s rows behind', async () => {
		const { db, raw } = await openDatabase('sqlite::memory:');
		const row = (id: number) => ({
			id,
			at: '2026-11-27T10:00:00.000Z',
			action: 'record-visit',
			outcome: 'accepted'
		});
		await db.transaction().execute(async (trx) => {
			await insertRows(trx, 'audit', [row(100)]);
			// Row 3 repeats row 2's primary key.
			await expect(insertRows(trx, 'audit', [row(1), row(2), row(2)])).rejects.toThrow(/UNIQUE/);
		});
		expect(raw.prepare('SELECT id FROM audit').all()).toEqual([{ id: 100 }]);
		await db.destroy();
	});
});

describe('upsertRows', () => {
	it('inserts new rows and replaces only the named columns of rows already held', async () => {
		const { db, raw } = await openDatabase('sqlite::memory:');
		const version = (version: number, status: string, by: string) => ({
			order_id: 'order-1',
			version,
			status,
			data: `{"status":"${status}"}`,
			recorded_at: `2026-11-2${version}T10:00:00.000Z`,
			recorded_by: by
		});
		const on = { conflict: ['order_id', 'version'], update: ['status', 'data'] };
		await upsertRows(
			db,
			'order_versions',
			[version(1, 'active', 'a'), version(2, 'varied', 'a')],
			on
		);
		await upsertRows(
			db,
			'order_versions',
			[version(2, 'discharged', 'b'), version(3, 'active', 'b')],
			on,
			1
		);
		expect(
			raw.prepare('SELECT version, status, recorded_by FROM order_versions ORDER BY version').all()
		).toEqual([
			{ version: 1, status: 'active', recorded_by: 'a' },
			// Status and data replaced; who recorded the version first is kept.
			{ version: 2, status: 'discharged', recorded_by: 'a' },
			{ version: 3, status: 'active', recorded_by: 'b' }
		]);
		await db.destroy();
	});
});

describe('SqliteConnection.runEach', () => {
	it('runs a statement once per parameter list, adds up the changes, all or none', async () => {
		const raw = new Sqlite(':memory:');
		raw.exec('CREATE TABLE t (a INTEGER, b TEXT)');
		const connection = new SqliteConnection(raw);
		const insert = CompiledQuery.raw('INSERT INTO t (a, b) VALUES (?, ?)');
		expect(
			await connection.runEach(insert, [
				[1, 'x'],
				[2, null]
			])
		).toBe(2);
		expect(raw.prepare('SELECT a, b FROM t ORDER BY a').all()).toEqual([
			{ a: 1, b: 'x' },
			{ a: 2, b: null }
		]);
		// Outside any transaction it is still one: a failing row takes the earlier ones back.
		raw.exec('CREATE UNIQUE INDEX t_a ON t (a)');
		await expect(
			connection.runEach(insert, [
				[3, 'y'],
				[1, 'again']
			])
		).rejects.toThrow(/UNIQUE/);
		expect(raw.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 2 });
		raw.close();
	});
});
