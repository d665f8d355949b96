import { sql } from 'kysely';
import type { OperationalDayConfig } from '$lib/domain/operation/operational-day';
import { shiftWindow } from '$lib/domain/operation/operational-day';
import type {
	LastVisit,
	PlannedAssignment,
	PlanQuery,
	PlanningList
} from '$lib/domain/operation/plan';
import { planningRow, shiftMemo } from '$lib/domain/operation/subject-facts';
import type { AttemptResult } from '$lib/domain/visit';
import type { Db } from '../db/connection';
import { dayAssignments } from './day-assignments';
import { allSubjectFacts } from './facts-cache';
import * as projection from './projection';
import * as scope from './scope';

/** The planning list: every subject in scope with what a sergeant decides by, for one shift. */
export async function planningList(
	db: Db,
	sc: scope.Scope,
	query: PlanQuery,
	config: OperationalDayConfig
): Promise<PlanningList> {
	await projection.refresh(db, config);
	const window = shiftWindow(query.date, query.shift, config);
	const [officers, facts, lastVisits, breaches, assigned, names] = await Promise.all([
		scope.officers(db, sc),
		allSubjectFacts(db, sc),
		projection.lastVisits(db),
		db
			.selectFrom('follow_ups')
			.select(['subject_id', sql<number>`count(*)`.as('n')])
			.where('dealt_with_at', 'is', null)
			.groupBy('subject_id')
			.execute(),
		assignmentsOn(db, query.date),
		staffNames(db)
	]);
	const last = new Map<string, LastVisit>(
		lastVisits.map((v) => [
			v.subject_id,
			{
				at: v.started_at,
				officerId: v.officer_id,
				officerName: names.get(v.officer_id) ?? 'Unknown officer',
				result: v.result as AttemptResult
			}
		])
	);
	const open = new Map(breaches.map((b) => [b.subject_id, Number(b.n)]));
	const shift = { date: query.date, ...window };
	const memo = shiftMemo(shift, config);
	const rows = facts.map((f) =>
		planningRow(
			f,
			shift,
			{
				lastVisit: last.get(f.subjectId) ?? null,
				openBreaches: open.get(f.subjectId) ?? 0,
				assignment: assigned.get(f.subjectId) ?? null
			},
			config,
			memo
		)
	);
	return {
		date: query.date,
		shift: query.shift,
		shiftStart: window.start.toISOString(),
		shiftEnd: window.end.toISOString(),
		rows,
		officers
	};
}

/** Display names of every user, for "visited by" and crew labels. */
export async function staffNames(db: Db): Promise<Map<string, string>> {
	const users = await db.selectFrom('users').select(['id', 'display_name']).execute();
	return new Map(users.map((u) => [u.id, u.display_name]));
}

/** Each subject's live crew for an operational day (one row per crew, led by its first officer). */
export async function assignmentsOn(db: Db, date: string): Promise<Map<string, PlannedAssignment>> {
	const [rows, names] = await Promise.all([dayAssignments(db, date), staffNames(db)]);
	const out = new Map<string, PlannedAssignment>();
	for (const r of rows) {
		// The crew's second officer has a row too: report the crew once, from its lead.
		if (r.lead_id && r.lead_id !== r.officer_id) continue;
		out.set(r.subject_id, {
			crewId: r.crew_id,
			officerId: r.officer_id,
			officerName: names.get(r.officer_id) ?? 'Unknown officer',
			secondOfficerId: r.second_officer_id ?? null,
			secondOfficerName: r.second_officer_id ? (names.get(r.second_officer_id) ?? null) : null,
			priority: r.priority,
			operation: r.operation,
			routeOrder: r.route_order
		});
	}
	return out;
}
