import { sql } from 'kysely';
import { buildDashboard, type Dashboard } from '$lib/domain/operation/dashboard';
import {
	shifts,
	shiftWindow,
	operationalDayWindow,
	type OperationalDayConfig
} from '$lib/domain/operation/operational-day';
import type { AttemptResult } from '$lib/domain/visit';
import type { Db } from '../db/connection';
import { dayAssignments } from './day-assignments';
import { dayVisits } from './day-visits';
import { allSubjectFacts } from './facts-cache';
import { staffNames } from './planning';
import { refresh } from './projection';
import type { Scope } from './scope';

/** A planned check is overdue this long after its planned arrival. */
const GRACE_MS = 30 * 60_000;

export async function dashboard(
	db: Db,
	scope: Scope,
	date: string,
	config: OperationalDayConfig,
	now = new Date()
): Promise<Dashboard> {
	await refresh(db, config);
	const [visits, assigned, facts, names, open] = await Promise.all([
		dayVisits(db, date),
		dayAssignments(db, date),
		allSubjectFacts(db, scope),
		staffNames(db),
		// Only the scope's teams: a supervisor counts their own team's open follow-ups.
		db
			.selectFrom('follow_ups as f')
			.innerJoin('subjects as s', 's.id', 'f.subject_id')
			.select(sql<number>`count(*)`.as('n'))
			.where('f.dealt_with_at', 'is', null)
			.$if(!scope.all, (q) => q.where('s.team_id', '=', scope.all ? '' : (scope.teamId ?? '')))
			.executeTakeFirstOrThrow()
	]);
	const byId = new Map(facts.map((f) => [f.subjectId, f]));
	// Only the team's subjects; an amended visit is counted once, as its latest amendment says.
	const mine = visits.filter((v) => byId.has(v.subject_id));
	const assignments = assigned.filter((a) => byId.has(a.subject_id));
	const amended = new Set(mine.map((v) => v.amends).filter((a): a is string => a !== null));
	const current = mine.filter((v) => !amended.has(v.visit_id));
	const dayEnd = operationalDayWindow(date, config).end.toISOString();
	// Keyed by the stored text: an unknown or missing shift falls back to the day's end.
	const shiftEnds = new Map<string | null, string>(
		shifts.map((s) => [s, shiftWindow(date, s, config).end.toISOString()])
	);
	const dueBy = (a: { planned_arrival: string | null; shift: string | null }) => {
		if (a.planned_arrival)
			return new Date(new Date(a.planned_arrival).getTime() + GRACE_MS).toISOString();
		return shiftEnds.get(a.shift) ?? dayEnd;
	};
	return buildDashboard({
		date,
		now,
		visits: current.map((v) => ({
			visitId: v.visit_id,
			subjectId: v.subject_id,
			at: v.started_at,
			result: v.result as AttemptResult,
			breachTypes: v.breach_types ? v.breach_types.split(',') : [],
			arrestRef: v.arrest_ref,
			safeguarding: v.safeguarding === 1,
			lat: v.lat,
			lon: v.lon,
			reviewed: v.reviewed_at !== null
		})),
		visitOfficers: new Map(
			current.map((v) => [
				v.visit_id,
				[v.officer_id, ...(v.second_officer_id ? [v.second_officer_id] : [])]
			])
		),
		assignments: assignments.map((a) => ({
			subjectId: a.subject_id,
			officerId: a.officer_id,
			crewId: a.crew_id,
			deliveredAt: a.delivered_at,
			plannedArrival: a.planned_arrival,
			routeOrder: a.route_order,
			dueBy: dueBy(a)
		})),
		subjects: new Map(
			[
				...new Set([...assignments.map((a) => a.subject_id), ...current.map((v) => v.subject_id)])
			].map((id) => [
				id,
				{ name: byId.get(id)?.name ?? 'Unknown subject', wanted: byId.get(id)?.wanted ?? null }
			])
		),
		names,
		openFollowUps: Number(open.n)
	});
}
