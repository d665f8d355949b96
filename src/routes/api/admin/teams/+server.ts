import { randomUUID } from 'node:crypto';
import { createTeamSchema } from '$lib/domain/admin-users';
import { requireUser } from '$lib/server/auth/guard';
import { teamScope } from '$lib/server/auth/scope';
import * as audit from '$lib/server/db/audit';
import * as teams from '$lib/server/db/teams';
import { db } from '$lib/server/context';
import { ApiFailure, handler, noStore, readJson } from '$lib/server/http';
import type { RequestHandler } from './$types';

/** Teams in the user's scope: a supervisor sees their own, an administrator every team. */
export const GET: RequestHandler = handler(async ({ locals }) => {
	const user = requireUser(locals, 'supervisor', 'administrator');
	const scope = teamScope(user);
	const all = await teams.list(await db());
	return noStore({ teams: scope.all ? all : all.filter((t) => t.id === scope.teamId) });
});

export const POST: RequestHandler = handler(async ({ locals, request }) => {
	const actor = requireUser(locals, 'administrator');
	const { name } = await readJson(request, createTeamSchema, 1024);
	const database = await db();
	if (await teams.findByName(database, name)) {
		throw new ApiFailure(409, 'conflict', `There is already a team called ${name}`);
	}
	const team = { id: randomUUID(), name };
	await database.transaction().execute(async (trx) => {
		await teams.insert(trx, team);
		await audit.write(trx, {
			actorId: actor.id,
			action: 'team-create',
			entityId: team.id,
			outcome: 'accepted'
		});
	});
	return noStore({ team }, 201);
});
