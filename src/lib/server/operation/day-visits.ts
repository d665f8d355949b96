import { sql, type Selectable } from 'kysely';
import type { Db } from '../db/connection';
import type { VisitOutcomesTable } from '../db/schema';
import { markedCache } from './marked-cache';
import { cursor } from './projection';

/**
 * A day's visit outcomes with whether each is reviewed, for the dashboard, which polls every few
 * seconds. Outcomes change only when the projection moves (they are written there and never
 * edited), and "reviewed" only when a review is first recorded (a second review of the same
 * visit updates its row), so the projection's cursor and the count of reviews mark the day's
 * state; the rows are re-read only when the mark moves.
 */
const cache = markedCache<DayVisit[]>();

export type DayVisit = Omit<
	Selectable<VisitOutcomesTable>,
	'op_date' | 'received_at' | 'accuracy_m'
> & { reviewed_at: string | null };

export async function dayVisits(db: Db, date: string): Promise<DayVisit[]> {
	const [at, reviews] = await Promise.all([
		cursor(db),
		db
			.selectFrom('visit_reviews')
			.select(sql<number>`count(*)`.as('n'))
			.executeTakeFirstOrThrow()
	]);
	return cache(db, date, `${at}:${reviews.n}`, () =>
		db
			.selectFrom('visit_outcomes as o')
			.leftJoin('visit_reviews as r', 'r.visit_id', 'o.visit_id')
			.select([
				'o.visit_id',
				'o.subject_id',
				'o.officer_id',
				'o.second_officer_id',
				'o.started_at',
				'o.result',
				'o.breach_types',
				'o.arrest_ref',
				'o.safeguarding',
				'o.lat',
				'o.lon',
				'o.amends',
				'r.reviewed_at'
			])
			.where('o.op_date', '=', date)
			.execute()
	);
}
