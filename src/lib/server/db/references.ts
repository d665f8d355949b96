import type { Db } from './connection';
import { isIn, readByKeys } from './lists';

/**
 * Batch look-ups of what pushed visits refer to: a few list queries per batch instead of a few
 * queries per visit, so a 1,000-visit push stays one short transaction.
 */

export async function existingSubjects(db: Db, ids: string[]): Promise<Set<string>> {
	const rows = await readByKeys(db, ids, (part) =>
		db
			.selectFrom('subjects')
			.select('id')
			.where(isIn(db, 'id', part))
			.execute()
	);
	return new Set(rows.map((r) => r.id));
}

/** Address id → the subject it belongs to. */
export async function addressSubjects(db: Db, ids: string[]): Promise<Map<string, string>> {
	const rows = await readByKeys(db, ids, (part) =>
		db
			.selectFrom('addresses')
			.select(['id', 'subject_id'])
			.where(isIn(db, 'id', part))
			.execute()
	);
	return new Map(rows.map((r) => [r.id, r.subject_id]));
}

export interface AssignmentState {
	active: boolean;
	/** The London date the assignment is for (it begins that day). */
	date?: string;
	/** When it was last assigned or, for an inactive row, unassigned. */
	updatedAt: string;
}

/** This officer's assignment row for each subject, live or a tombstone. */
export async function assignmentsOf(
	db: Db,
	officerId: string,
	subjectIds: string[]
): Promise<Map<string, AssignmentState>> {
	const rows = await readByKeys(db, subjectIds, (part) =>
		db
			.selectFrom('assignments')
			.select(['subject_id', 'active', 'updated_at', 'date'])
			.where('officer_id', '=', officerId)
			.where(isIn(db, 'subject_id', part))
			.execute()
	);
	return new Map(
		rows.map((r) => [
			r.subject_id,
			{ active: r.active === 1, updatedAt: r.updated_at, date: r.date }
		])
	);
}

/** Of `ids`, those that name a user. */
export async function existingUsers(db: Db, ids: string[]): Promise<Set<string>> {
	const rows = await readByKeys(db, ids, (part) =>
		db
			.selectFrom('users')
			.select('id')
			.where(isIn(db, 'id', part))
			.execute()
	);
	return new Set(rows.map((r) => r.id));
}

/** Order id → the subject it belongs to. */
export async function orderSubjects(db: Db, ids: string[]): Promise<Map<string, string>> {
	const rows = await readByKeys(db, ids, (part) =>
		db
			.selectFrom('orders')
			.select(['id', 'subject_id'])
			.where(isIn(db, 'id', part))
			.execute()
	);
	return new Map(rows.map((r) => [r.id, r.subject_id]));
}
