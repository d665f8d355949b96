import type { Officer } from '$lib/domain/operation/plan';
import type { User } from '$lib/domain/user';
import type { Db } from '../db/connection';
import { isIn, readByKeys } from '../db/lists';
import { ApiFailure } from '../http';

/**
 * TEAM SCOPING: the one place that decides what a station user may see and assign.
 *
 * A supervisor works within their own team; an administrator sees every team. Teams (h9,
 * `teams` and `users.team_id`) are not on main yet, so for now every user's scope is "all".
 * When they land, `scopeOf` returns `{ teamId }` for supervisors and the three queries below
 * add `team_id = teamId`; nothing else in the operation code needs to change.
 */
export type Scope = { teamId: string | null };

export function scopeOf(_actor: User): Scope {
	return { teamId: null };
}

/** Active officers in scope, by name. */
export async function officers(db: Db, _scope: Scope): Promise<Officer[]> {
	const rows = await db
		.selectFrom('users')
		.select(['id', 'display_name', 'collar_number'])
		.where('role', '=', 'officer')
		.where('disabled', '=', 0)
		.orderBy('display_name')
		.execute();
	return rows.map((r) => ({
		id: r.id,
		displayName: r.display_name,
		collarNumber: r.collar_number
	}));
}

/** Every id must name an active officer in scope, else 422 unknown-officer. */
export async function assertOfficers(db: Db, scope: Scope, ids: string[]): Promise<void> {
	const known = new Set((await officers(db, scope)).map((o) => o.id));
	if (ids.some((id) => !known.has(id))) {
		throw new ApiFailure(422, 'unknown-officer', 'Assign to an active officer of your team');
	}
}

/** Every id must name a subject in scope, else 422 unknown-subject. */
export async function assertSubjects(db: Db, _scope: Scope, ids: string[]): Promise<void> {
	const found = await readByKeys(db, ids, (part) =>
		db
			.selectFrom('subjects')
			.select('id')
			.where(isIn(db, 'id', part))
			.execute()
	);
	if (found.length !== new Set(ids).size) {
		throw new ApiFailure(422, 'unknown-subject', 'No such subject in your team');
	}
}

/** Whether a subject (of a visit, a follow-up) is in scope: 404 when not, as if absent. */
export async function assertSubjectVisible(db: Db, scope: Scope, id: string): Promise<void> {
	try {
		await assertSubjects(db, scope, [id]);
	} catch {
		throw new ApiFailure(404, 'not-found', 'Not found');
	}
}
