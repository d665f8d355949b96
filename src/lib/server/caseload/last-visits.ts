import type { TeamVisit } from '$lib/domain/caseload';
import type { AttemptResult } from '$lib/domain/visit';
import type { Db } from '../db/connection';
import { isIn, readByKeys } from '../db/lists';

/**
 * The team's picture for an officer's device: each subject's latest visit by anyone on the
 * officer's team — when, by whom and the result, never notes or photos of others' visits.
 *
 * Carried for every subject in the page (a bundle replaces what the device holds) and for the
 * officer's assigned subjects visited by anyone since the cursor (visits take values of the same
 * change counter, so the cursor covers them exactly).
 */
export async function teamLastVisits(
	db: Db,
	officerId: string,
	since: number,
	upTo: number,
	pageSubjects: string[]
): Promise<TeamVisit[]> {
	const me = await db
		.selectFrom('users')
		.select('team_id')
		.where('id', '=', officerId)
		.executeTakeFirst();
	const team = me?.team_id ?? null;
	const recent = await db
		.selectFrom('visits as v')
		.innerJoin('assignments as a', 'a.subject_id', 'v.subject_id')
		.select('v.subject_id')
		.distinct()
		.where('a.officer_id', '=', officerId)
		.where('a.active', '=', 1)
		.where('v.seq', '>', since)
		.where('v.seq', '<=', upTo)
		.execute();
	const subjects = [...new Set([...pageSubjects, ...recent.map((r) => r.subject_id)])];
	const rows = await readByKeys(db, subjects, (part) =>
		db
			.selectFrom('visits as v')
			.innerJoin('users as u', 'u.id', 'v.officer_id')
			.select(['v.subject_id', 'v.started_at', 'v.result', 'v.seq', 'u.display_name', 'u.team_id'])
			.where(isIn(db, 'v.subject_id', part))
			.where('v.seq', '<=', upTo)
			.execute()
	);
	const latest = new Map<string, (typeof rows)[number]>();
	for (const r of rows) {
		if (team !== null && r.team_id !== team) continue;
		const held = latest.get(r.subject_id);
		if (!held || r.started_at > held.started_at) latest.set(r.subject_id, r);
	}
	return [...latest.values()].map((r) => ({
		subjectId: r.subject_id,
		at: r.started_at,
		officerName: r.display_name,
		result: r.result as AttemptResult
	}));
}
