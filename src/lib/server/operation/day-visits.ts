import { sql } from 'kysely';
import type { Db } from '../db/connection';
import { cursor } from './projection';

/**
 * A day's visit outcomes with whether each is reviewed, for the dashboard, which polls every few
 * seconds. Outcomes change only when the projection moves (they are written there and never
 * edited), and "reviewed" only when a review is first recorded (a second review of the same
 * visit updates its row), so the projection's cursor and the count of reviews mark the day's
 * state; the rows are re-read only when the mark moves.
 */
const held = new WeakMap<Db, Map<string, { mark: string; rows: DayVisit[] }>>();

export interface DayVisit {
	visit_id: string;
	subject_id: string;
	officer_id: string;
	second_officer_id: string | null;
	started_at: string;
	result: string;
	breach_types: string;
	arrest_ref: string | null;
	safeguarding: number;
	lat: number | null;
	lon: number | null;
	amends: string | null;
	reviewed_at: string | null;
}

export async function dayVisits(db: Db, date: string): Promise<DayVisit[]> {
	const [at, reviews] = await Promise.all([
		cursor(db),
		db
			.selectFrom('visit_reviews')
			.select(sql<number>`count(*)`.as('n'))
			.executeTakeFirstOrThrow()
	]);
	const mark = `${at}:${reviews.n}`;
	let days = held.get(db);
	if (!days) held.set(db, (days = new Map()));
	const kept = days.get(date);
	if (kept && kept.mark === mark) return kept.rows;
	const rows = await db
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
		.execute();
	if (days.size >= 8) days.delete(days.keys().next().value!);
	days.set(date, { mark, rows });
	return rows;
}
