import { updateUserSchema } from '$lib/domain/admin-users';
import { requireUser } from '$lib/server/auth/guard';
import * as audit from '$lib/server/db/audit';
import * as sessions from '$lib/server/db/sessions';
import * as teams from '$lib/server/db/teams';
import * as users from '$lib/server/db/users';
import { db } from '$lib/server/context';
import { ApiFailure, handler, idParam, noStore, readJson } from '$lib/server/http';
import type { RequestHandler } from './$types';

/** Change a role, team, name or collar number, or disable/enable. Disabling ends every session. */
export const PATCH: RequestHandler = handler(async ({ locals, params, request }) => {
	const actor = requireUser(locals, 'administrator');
	const id = idParam(params.id, 'user');
	const change = await readJson(request, updateUserSchema, 4 * 1024);
	const database = await db();
	const before = await users.findById(database, id);
	if (!before) throw new ApiFailure(404, 'not-found', 'No such user');
	if (id === actor.id && (change.disabled || (change.role && change.role !== 'administrator'))) {
		// Keeps at least the acting administrator able to administer.
		throw new ApiFailure(409, 'conflict', 'You cannot disable yourself or remove your own role');
	}
	if (change.teamId && !(await teams.findById(database, change.teamId))) {
		throw new ApiFailure(422, 'unknown-team', 'No such team');
	}
	await database.transaction().execute(async (trx) => {
		await users.update(trx, id, change);
		if (change.disabled) await sessions.destroyAllFor(trx, id);
		await audit.write(trx, {
			actorId: actor.id,
			action: 'user-update',
			entityId: id,
			outcome: 'accepted',
			detail: JSON.stringify({
				fields: Object.keys(change),
				role: change.role !== undefined ? [before.role, change.role] : undefined,
				teamId: change.teamId !== undefined ? [before.teamId, change.teamId] : undefined,
				disabled: change.disabled !== undefined ? [before.disabled, change.disabled] : undefined
			})
		});
	});
	const after = await users.findById(database, id);
	return noStore({ user: users.toSummary(after!) });
});
