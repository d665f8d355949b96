import { sql } from 'kysely';
import type { Db } from './connection';
import { isIn } from './lists';

/**
 * Fixed-window failure counters, one row per key, shared by every app server. An upsert adds a
 * failure, starting a new window when the row's has passed; expired rows are swept as failures
 * arrive, so the table holds only keys that failed within the last window.
 */
export async function failuresWithin(
	db: Db,
	keys: string[],
	windowStart: string
): Promise<Map<string, number>> {
	const rows = await db
		.selectFrom('sign_in_throttle')
		.select(['key', 'failures'])
		.where(isIn(db, 'key', keys))
		.where('window_start', '>', windowStart)
		.execute();
	return new Map(rows.map((r) => [r.key, r.failures]));
}

export async function addFailure(
	db: Db,
	keys: string[],
	now: string,
	windowStart: string
): Promise<void> {
	const expired = sql<boolean>`sign_in_throttle.window_start <= ${windowStart}`;
	for (const key of keys) {
		await db
			.insertInto('sign_in_throttle')
			.values({ key, window_start: now, failures: 1 })
			.onConflict((oc) =>
				oc.column('key').doUpdateSet({
					failures: sql`CASE WHEN ${expired} THEN 1 ELSE sign_in_throttle.failures + 1 END`,
					window_start: sql`CASE WHEN ${expired} THEN ${now} ELSE sign_in_throttle.window_start END`
				})
			)
			.execute();
	}
	await db.deleteFrom('sign_in_throttle').where('window_start', '<=', windowStart).execute();
}

export async function clear(db: Db, key: string): Promise<void> {
	await db.deleteFrom('sign_in_throttle').where('key', '=', key).execute();
}
