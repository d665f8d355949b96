import type { Officer } from '$lib/domain/operation/plan';
import { inScope, teamScope, type TeamScope } from '../auth/scope';
import type { Db } from '../db/connection';
import { isIn, readByKeys } from '../db/lists';
import { ApiFailure } from '../http';

/**
 * TEAM SCOPING for the operation: a supervisor plans, watches and reviews within their own
 * team; an administrator sees every team. The decision itself is the auth layer's `teamScope`;
 * this module applies it to officers and subjects, and the rest of the operation code filters
 * through these functions only.
 */
export type Scope = TeamScope;

export const scopeOf = teamScope;

export { inScope };

/** Active officers in scope, by name. */
export async function officers(db: Db, scope: Scope): Promise<Officer[]> {
	const rows = await db
		.selectFrom('users')
		.select(['id', 'display_name', 'collar_number', 'team_id'])
		.where('role', '=', 'officer')
		.where('disabled', '=', 0)
		.orderBy('display_name')
		.execute();
	return rows
		.filter((r) => inScope(scope, r.team_id))
		.map((r) => ({ id: r.id, displayName: r.display_name, collarNumber: r.collar_number }));
}

/** Every id must name an active officer in scope, else 422 unknown-officer. */
export async function assertOfficers(db: Db, scope: Scope, ids: string[]): Promise<void> {
	const known = new Set((await officers(db, scope)).map((o) => o.id));
	if (ids.some((id) => !known.has(id))) {
		throw new ApiFailure(422, 'unknown-officer', 'Assign to an active officer of your team');
	}
}

/** Every id must name a subject in scope, else 422 unknown-subject. */
export async function assertSubjects(db: Db, scope: Scope, ids: string[]): Promise<void> {
	const found = await readByKeys(db, ids, (part) =>
		db
			.selectFrom('subjects')
			.select(['id', 'team_id'])
			.where(isIn(db, 'id', part))
			.execute()
	);
	const visible = found.filter((s) => inScope(scope, s.team_id));
	if (visible.length !== new Set(ids).size) {
		throw new ApiFailure(422, 'unknown-subject', 'No such subject in your team');
	}
}

/** Whether a subject (of a visit, a follow-up) is in scope: 404 when not, as if absent. */
export async function assertSubjectVisible(db: Db, scope: Scope, id: string): Promise<void> {
	const s = await db
		.selectFrom('subjects')
		.select('team_id')
		.where('id', '=', id)
		.executeTakeFirst();
	if (!s || !inScope(scope, s.team_id)) throw new ApiFailure(404, 'not-found', 'Not found');
}
