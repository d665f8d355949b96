import type { Kysely } from 'kysely';

/**
 * The station reads (issue 10): the planning list and the dashboard ask "has any subject of
 * this team changed?" and "has any assignment of this day changed?" before every draw. With the
 * key and the change sequence in one index, each is a scan of the index alone, not a read of
 * every row.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createIndex('subjects_team_seq')
		.on('subjects')
		.columns(['team_id', 'seq'])
		.execute();
	// The same question of a day's assignments (operation/day-assignments.ts).
	await db.schema
		.createIndex('assignments_day_mark')
		.on('assignments')
		.columns(['date', 'active', 'seq', 'delivered_at'])
		.execute();
}
