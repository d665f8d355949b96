import { randomUUID } from 'node:crypto';
import type { AssignRequest, UnassignRequest } from '$lib/domain/operation/plan';
import { shiftWindow, type OperationalDayConfig } from '$lib/domain/operation/operational-day';
import { nextSeq, type Db } from '../db/connection';
import { isIn } from '../db/lists';

/**
 * Assignment moves, never copies: a subject has one live crew per operational day. Assigning
 * it retires every other live assignment of it for that day or before (those officers' devices
 * drop it once their pending visits are sent), then upserts one row per crew member.
 */
export async function assignCrew(
	db: Db,
	actorId: string,
	input: AssignRequest,
	config: OperationalDayConfig,
	now = new Date()
): Promise<{ crewId: string; moved: number }> {
	const at = now.toISOString();
	const crewId = randomUUID();
	const members = [input.officerId, ...(input.secondOfficerId ? [input.secondOfficerId] : [])];
	await db
		.insertInto('crews')
		.values({
			id: crewId,
			date: input.date,
			shift: input.shift,
			operation: input.operation,
			officer_id: input.officerId,
			second_officer_id: input.secondOfficerId,
			planned_minutes: input.plannedMinutes,
			created_by: actorId,
			created_at: at
		})
		.execute();
	const start = shiftWindow(input.date, input.shift, config).start.getTime();
	let moved = 0;
	for (const [i, subjectId] of input.subjectIds.entries()) {
		moved += await retire(db, subjectId, input.date, members, at);
		const arrival = input.plannedArrivals?.[i];
		for (const officerId of members) {
			const seq = await nextSeq(db);
			const row = {
				date: input.date,
				operation: input.operation,
				priority: input.priority,
				active: 1,
				seq,
				updated_at: at,
				crew_id: crewId,
				shift: input.shift,
				delivered_at: null,
				route_order: input.plannedArrivals ? i + 1 : null,
				planned_arrival:
					arrival === undefined ? null : new Date(start + arrival * 60_000).toISOString()
			};
			await db
				.insertInto('assignments')
				.values({ id: randomUUID(), subject_id: subjectId, officer_id: officerId, ...row })
				.onConflict((oc) => oc.columns(['subject_id', 'officer_id']).doUpdateSet(row))
				.execute();
		}
	}
	return { crewId, moved };
}

/** Unassign for a day: the subject leaves every device it was on for that day or before. */
export async function unassignSubjects(
	db: Db,
	input: UnassignRequest,
	now = new Date()
): Promise<number> {
	let n = 0;
	for (const subjectId of input.subjectIds) {
		n += await retire(db, subjectId, input.date, [], now.toISOString());
	}
	return n;
}

/** Retires a subject's live assignments dated up to `date`, except those of `keep` officers. */
export async function retire(
	db: Db,
	subjectId: string,
	date: string,
	keep: string[],
	at: string
): Promise<number> {
	const live = await db
		.selectFrom('assignments')
		.select(['id', 'officer_id'])
		.where('subject_id', '=', subjectId)
		.where('active', '=', 1)
		.where('date', '<=', date)
		.execute();
	const gone = live.filter((a) => !keep.includes(a.officer_id));
	for (const a of gone) {
		const seq = await nextSeq(db);
		await db
			.updateTable('assignments')
			.set({ active: 0, seq, updated_at: at })
			.where('id', '=', a.id)
			.execute();
	}
	return gone.length;
}

/** Records when each assignment first reached its officer's device (the caseload pull). */
export async function markDelivered(
	db: Db,
	assignmentIds: string[],
	now = new Date()
): Promise<void> {
	if (assignmentIds.length === 0) return;
	await db
		.updateTable('assignments')
		.set({ delivered_at: now.toISOString() })
		.where(isIn(db, 'id', assignmentIds))
		.where('delivered_at', 'is', null)
		.execute();
}
