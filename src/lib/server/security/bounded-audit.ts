import { sql } from 'kysely';
import type { Db } from '../db/connection';
import * as audit from '../db/audit';

/**
 * Audit for events an outsider can cause at will (failed or throttled sign-ins, refused
 * requests). Each kind of event from one source gets one row per window whose `count` goes up;
 * past MAX_ROWS_PER_WINDOW distinct sources in a window, further ones share a single overflow
 * row. So a flood writes at most MAX_ROWS_PER_WINDOW + 1 rows per window, however many
 * addresses and usernames it uses, and the count still says how big it was.
 */
export const WINDOW_MS = 5 * 60 * 1000;
export const MAX_ROWS_PER_WINDOW = 200;

function windowKey(now: Date): string {
	return new Date(Math.floor(now.getTime() / WINDOW_MS) * WINDOW_MS).toISOString();
}

export async function writeBounded(
	db: Db,
	entry: audit.AuditEntry,
	/** What makes two events the same source, e.g. the client address. */
	source: string,
	now = new Date()
): Promise<void> {
	const window = windowKey(now);
	const kind = `${entry.action}|${entry.outcome}`;
	let key = `${window}|${kind}|${source}`;
	const existing = await db
		.selectFrom('audit')
		.select('id')
		.where('agg_key', '=', key)
		.executeTakeFirst();
	if (!existing) {
		const row = await db
			.selectFrom('audit')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.where('agg_key', '>=', `${window}|`)
			.where('agg_key', '<', `${window}|\uffff`)
			.executeTakeFirstOrThrow();
		if (Number(row.n) >= MAX_ROWS_PER_WINDOW) {
			key = `${window}|${kind}|*`;
			entry = { ...entry, actorId: null, address: null, detail: 'overflow: many sources' };
		}
	}
	await db
		.insertInto('audit')
		.values({ ...audit.toRow(entry, now.toISOString()), agg_key: key, count: 1 })
		.onConflict((oc) => oc.column('agg_key').doUpdateSet({ count: sql`audit.count + 1` }))
		.execute();
}
