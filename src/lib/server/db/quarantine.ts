import type { Selectable } from 'kysely';
import type { Db } from './connection';
import type { QuarantineTable } from './schema';

/** Sealed visits held for a supervisor (a revoked device's, or delivered by another officer). */
export type QuarantineRow = Selectable<QuarantineTable>;

export async function hold(
	db: Db,
	row: Omit<QuarantineRow, 'status' | 'decided_by' | 'decided_at' | 'decision_code'>
): Promise<void> {
	await db
		.insertInto('quarantine')
		.values({ ...row, status: 'pending', decided_by: null, decided_at: null, decision_code: null })
		// Delivered again (the device did not get the answer): already held.
		.onConflict((oc) => oc.column('visit_id').doNothing())
		.execute();
}

export async function find(db: Db, visitId: string): Promise<QuarantineRow | undefined> {
	return db.selectFrom('quarantine').selectAll().where('visit_id', '=', visitId).executeTakeFirst();
}

export async function list(db: Db, status?: QuarantineRow['status']): Promise<QuarantineRow[]> {
	let q = db.selectFrom('quarantine').selectAll();
	if (status) q = q.where('status', '=', status);
	return q.orderBy('received_at', 'desc').limit(500).execute();
}

export async function decide(
	db: Db,
	visitId: string,
	status: 'applied' | 'dismissed',
	by: string,
	code: string | null,
	now = new Date()
): Promise<boolean> {
	const res = await db
		.updateTable('quarantine')
		.set({ status, decided_by: by, decided_at: now.toISOString(), decision_code: code })
		.where('visit_id', '=', visitId)
		.where('status', '=', 'pending')
		.executeTakeFirst();
	return Number(res.numUpdatedRows) > 0;
}
