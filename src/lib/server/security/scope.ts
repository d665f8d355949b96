import type { User } from '$lib/domain/user';
import { teamScope } from '../auth/scope';
import type { Db } from '../db/connection';

/**
 * The user ids whose devices, sessions and held sealed visits `viewer` may see and act on, or
 * undefined for all: an administrator sees every team, a supervisor their own (auth/scope.ts).
 */
export async function scopedUserIds(db: Db, viewer: User): Promise<string[] | undefined> {
	const scope = teamScope(viewer);
	if (scope.all) return undefined;
	if (scope.teamId === null) return [viewer.id];
	const rows = await db
		.selectFrom('users')
		.select('id')
		.where('team_id', '=', scope.teamId)
		.execute();
	return rows.map((r) => r.id);
}

export function inScope(scope: string[] | undefined, userId: string): boolean {
	return scope === undefined || scope.includes(userId);
}
