import { resultsCsvRow, toCsv } from '$lib/domain/operation/results-csv';
import type { OperationalDayConfig } from '$lib/domain/operation/operational-day';
import type { AttemptResult } from '$lib/domain/visit';
import type { Db } from '../db/connection';
import { allSubjectFacts } from './facts-cache';
import { staffNames } from './planning';
import { refresh } from './projection';
import type { Scope } from './scope';

/** Every visit of the operational days from..to (inclusive) as CSV, oldest first. */
export async function resultsCsv(
	db: Db,
	scope: Scope,
	range: { from: string; to: string },
	config: OperationalDayConfig
): Promise<string> {
	await refresh(db, config);
	const [rows, names, facts] = await Promise.all([
		db
			.selectFrom('visit_outcomes as o')
			.leftJoin('visit_reviews as r', 'r.visit_id', 'o.visit_id')
			.selectAll('o')
			.select(['r.comment', 'r.reviewed_at'])
			.where('o.op_date', '>=', range.from)
			.where('o.op_date', '<=', range.to)
			.orderBy('o.started_at')
			.execute(),
		staffNames(db),
		allSubjectFacts(db, scope)
	]);
	const subjectName = new Map(facts.map((f) => [f.subjectId, f.name]));
	return toCsv(
		rows
			.filter((r) => subjectName.has(r.subject_id))
			.map((r) =>
				resultsCsvRow({
					visitId: r.visit_id,
					opDate: r.op_date,
					startedAt: r.started_at,
					receivedAt: r.received_at,
					officer: names.get(r.officer_id) ?? '',
					secondOfficer: r.second_officer_id ? (names.get(r.second_officer_id) ?? '') : null,
					subjectId: r.subject_id,
					subjectName: subjectName.get(r.subject_id) ?? '',
					result: r.result as AttemptResult,
					breachTypes: r.breach_types ? r.breach_types.split(',') : [],
					arrestRef: r.arrest_ref,
					safeguarding: r.safeguarding === 1,
					lat: r.lat,
					lon: r.lon,
					accuracyM: r.accuracy_m,
					amends: r.amends,
					reviewComment: r.comment,
					reviewed: r.reviewed_at !== null
				})
			)
	);
}
