import type { Kysely } from 'kysely';

/**
 * State every app server must share (issue 13): the sign-in throttle's counters, which lived in
 * one process's memory. One row per throttled key (`user:<name>` or `addr:<address>`) and
 * current window, so a failed sign-in updates a row rather than adding one.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('sign_in_throttle')
		.addColumn('key', 'text', (c) => c.primaryKey())
		.addColumn('window_start', 'text', (c) => c.notNull())
		.addColumn('failures', 'integer', (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('sign_in_throttle_window')
		.on('sign_in_throttle')
		.column('window_start')
		.execute();
}
