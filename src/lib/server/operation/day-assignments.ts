import { sql } from 'kysely';
import type { Db } from '../db/connection';
import { markedCache } from './marked-cache';

/** One live assignment of an operational day, with its crew's members. */
export interface DayAssignment {
	subject_id: string;
	officer_id: string;
	crew_id: string | null;
	priority: number;
	operation: string | null;
	route_order: number | null;
	planned_arrival: string | null;
	delivered_at: string | null;
	shift: string | null;
	lead_id: string | null;
	second_officer_id: string | null;
}

/**
 * The day's live assignments, which the planning list and the dashboard both read in full on
 * every draw (a force's day has thousands), re-read only when they have changed. Every write
 * to an assignment takes a new change sequence (assign, reassign, retire, unassign), except
 * the caseload pull's note of when one reached its device, which only ever fills
 * `delivered_at` once. So the count of live rows, the sum of their sequences and the count of
 * delivered ones mark the day's state: checking it is one scan of `assignments_day_mark`.
 * A new writer of assignments must take a sequence too, as db/assignments.ts and assign.ts do.
 */
const cache = markedCache<DayAssignment[]>();

export async function dayAssignments(db: Db, date: string): Promise<DayAssignment[]> {
	const m = await db
		.selectFrom('assignments')
		.select([
			sql<number>`count(*)`.as('n'),
			sql<string | number | null>`sum(seq)`.as('sum'),
			sql<number>`count(delivered_at)`.as('delivered')
		])
		.where('date', '=', date)
		.where('active', '=', 1)
		.executeTakeFirstOrThrow();
	return cache(db, date, `${m.n}:${m.sum ?? 0}:${m.delivered}`, () =>
		db
			.selectFrom('assignments as a')
			.leftJoin('crews as c', 'c.id', 'a.crew_id')
			.select([
				'a.subject_id',
				'a.officer_id',
				'a.crew_id',
				'a.priority',
				'a.operation',
				'a.route_order',
				'a.planned_arrival',
				'a.delivered_at',
				'a.shift',
				'c.officer_id as lead_id',
				'c.second_officer_id'
			])
			.where('a.date', '=', date)
			.where('a.active', '=', 1)
			.execute()
	);
}
