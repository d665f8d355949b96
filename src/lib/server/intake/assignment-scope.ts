import type { User } from '$lib/domain/user';
import { inScope, type TeamScope } from '../auth/scope';
import type { Db } from '../db/connection';
import * as users from '../db/users';
import { ApiFailure } from '../http';

/**
 * Team scope for the roster and single assignments (auth/scope.ts decides; this applies it):
 * another team's officer, assignment or order is 404, as if it did not exist. Subjects: see
 * operation/scope.ts `assertSubjectVisible`.
 */

/** The team whose records a scoped list shows: undefined for every team, null for none. */
export function listTeam(scope: TeamScope): string | null | undefined {
	return scope.all ? undefined : scope.teamId;
}

/** Active officers in scope: an officer or supervisor sees their own team's. */
export async function roster(db: Db, scope: TeamScope): Promise<User[]> {
	const team = listTeam(scope);
	if (team === null) return [];
	return users.listByRole(db, 'officer', team);
}

/** An active officer in scope, else 404 (another team's) or 422 (not an active officer). */
export async function assertOfficer(db: Db, scope: TeamScope, id: string): Promise<void> {
	const officer = await users.findById(db, id);
	if (!officer || !inScope(scope, officer.teamId)) {
		throw new ApiFailure(404, 'not-found', 'No such officer');
	}
	if (officer.role !== 'officer' || officer.disabled) {
		throw new ApiFailure(422, 'unknown-officer', 'Assign to an active officer account');
	}
}

/** An assignment whose officer is in scope, else 404. */
export async function assertAssignment(db: Db, scope: TeamScope, id: string): Promise<void> {
	const row = await db
		.selectFrom('assignments')
		.innerJoin('users', 'users.id', 'assignments.officer_id')
		.select('users.team_id')
		.where('assignments.id', '=', id)
		.executeTakeFirst();
	if (!row || !inScope(scope, row.team_id)) {
		throw new ApiFailure(404, 'not-found', 'No such live assignment');
	}
}

/** An order whose subject is in scope, else 404. */
export async function assertOrder(db: Db, scope: TeamScope, id: string): Promise<void> {
	const row = await db
		.selectFrom('orders')
		.innerJoin('subjects', 'subjects.id', 'orders.subject_id')
		.select('subjects.team_id')
		.where('orders.id', '=', id)
		.executeTakeFirst();
	if (!row || !inScope(scope, row.team_id)) throw new ApiFailure(404, 'not-found', 'No such order');
}
