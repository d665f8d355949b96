import { randomUUID } from 'node:crypto';
import type { Assignment, CreateAssignment } from '$lib/domain/assignment';
import { nextSeq, type Db } from './connection';
import { toAssignment } from './caseload';

/** Assign (or re-assign) a subject to an officer. One live row per subject and officer. */
export async function assign(
	db: Db,
	input: CreateAssignment,
	now = new Date()
): Promise<Assignment> {
	const seq = await nextSeq(db);
	const row = await db
		.insertInto('assignments')
		.values({
			id: randomUUID(),
			subject_id: input.subjectId,
			officer_id: input.officerId,
			date: input.date,
			operation: input.operation,
			priority: input.priority,
			active: 1,
			seq,
			updated_at: now.toISOString()
		})
		.onConflict((oc) =>
			oc.columns(['subject_id', 'officer_id']).doUpdateSet((eb) => ({
				date: eb.ref('excluded.date'),
				operation: eb.ref('excluded.operation'),
				priority: eb.ref('excluded.priority'),
				active: 1,
				seq: eb.ref('excluded.seq'),
				updated_at: eb.ref('excluded.updated_at')
			}))
		)
		.returningAll()
		.executeTakeFirstOrThrow();
	return toAssignment(row);
}

/** Unassign keeps a tombstone row so devices learn of the removal on their next pull. */
export async function unassign(
	db: Db,
	id: string,
	now = new Date()
): Promise<Assignment | undefined> {
	const current = await db
		.selectFrom('assignments')
		.selectAll()
		.where('id', '=', id)
		.where('active', '=', 1)
		.executeTakeFirst();
	if (!current) return undefined;
	const seq = await nextSeq(db);
	await db
		.updateTable('assignments')
		.set({ active: 0, seq, updated_at: now.toISOString() })
		.where('id', '=', id)
		.execute();
	return toAssignment(current);
}

export async function isAssigned(db: Db, officerId: string, subjectId: string): Promise<boolean> {
	const row = await db
		.selectFrom('assignments')
		.select('id')
		.where('officer_id', '=', officerId)
		.where('subject_id', '=', subjectId)
		.where('active', '=', 1)
		.executeTakeFirst();
	return row !== undefined;
}

export async function list(
	db: Db,
	filter: { officerId?: string; date?: string; teamId?: string }
): Promise<Assignment[]> {
	const rows = await db
		.selectFrom('assignments')
		.selectAll()
		.where('active', '=', 1)
		.$if(filter.teamId !== undefined, (qb) =>
			qb.where(
				'officer_id',
				'in',
				db.selectFrom('users').select('id').where('team_id', '=', filter.teamId!)
			)
		)
		.$if(filter.officerId !== undefined, (qb) => qb.where('officer_id', '=', filter.officerId!))
		.$if(filter.date !== undefined, (qb) => qb.where('date', '=', filter.date!))
		.orderBy('priority')
		.orderBy('date')
		.execute();
	return rows.map(toAssignment);
}
