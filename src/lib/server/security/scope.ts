import type { User } from '$lib/domain/user';
import type { Db } from '../db/connection';

/**
 * THE one place station screens of device security are team-scoped (contracts.md): the user
 * ids whose devices, sessions and quarantined visits `viewer` may see and act on, or undefined
 * for all. Until teams land (h9: users.team_id) every supervisor and administrator sees all;
 * then a supervisor gets their own team's users here, and an administrator keeps all.
 */
// eslint-disable-next-line @typescript-eslint/no-unused-vars
export async function scopedUserIds(db: Db, viewer: User): Promise<string[] | undefined> {
	return undefined;
}

export function inScope(scope: string[] | undefined, userId: string): boolean {
	return scope === undefined || scope.includes(userId);
}
