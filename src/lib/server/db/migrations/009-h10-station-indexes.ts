import type { Kysely } from 'kysely';

/**
 * The station reads (issue 10): the planning list and the dashboard ask "has any subject of this
 * team changed?" before every draw. With the team and change sequence in one index that is a
 * scan of the index alone, not a read of every subject row.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createIndex('subjects_team_seq')
		.on('subjects')
		.columns(['team_id', 'seq'])
		.execute();
}
