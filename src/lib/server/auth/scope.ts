import type { User } from '$lib/domain/user';
import { ApiFailure } from '../http';

/**
 * The one place that decides which team's records a station user may see: a supervisor (or
 * officer) their own team, an administrator every team. `teamId: null` on a non-administrator
 * means "no team yet": they see nothing.
 */
export type TeamScope = { all: true } | { all: false; teamId: string | null };

export function teamScope(user: User): TeamScope {
	return user.role === 'administrator' ? { all: true } : { all: false, teamId: user.teamId };
}

export function inScope(scope: TeamScope, teamId: string | null): boolean {
	return scope.all || (scope.teamId !== null && scope.teamId === teamId);
}

/**
 * 404 for a record outside the user's scope: a supervisor of another team learns nothing,
 * not even that it exists.
 */
export function assertInScope(scope: TeamScope, teamId: string | null, what: string): void {
	if (!inScope(scope, teamId)) throw new ApiFailure(404, 'not-found', `No such ${what}`);
}

/** The team a new record goes to: a supervisor's own; an administrator names one. */
export function teamForWrite(scope: TeamScope, requested: string | null | undefined): string {
	if (!scope.all) {
		if (scope.teamId === null) throw new ApiFailure(403, 'forbidden', 'You are not in a team');
		if (requested && requested !== scope.teamId) {
			throw new ApiFailure(404, 'not-found', 'No such team');
		}
		return scope.teamId;
	}
	if (!requested) throw new ApiFailure(400, 'invalid-body', 'Choose a team');
	return requested;
}
