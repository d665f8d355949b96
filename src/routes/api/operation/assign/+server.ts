import { assignRequestSchema } from '$lib/domain/operation/plan';
import { requireUser } from '$lib/server/auth/guard';
import * as audit from '$lib/server/db/audit';
import { db } from '$lib/server/context';
import { handler, noStore, readJson } from '$lib/server/http';
import { assignCrew } from '$lib/server/operation/assign';
import { operationalDayConfig } from '$lib/server/operation/config';
import * as scope from '$lib/server/operation/scope';
import type { RequestHandler } from './$types';

/** Assigns subjects to an officer or a double crew: each moves from whoever had it that day. */
export const POST: RequestHandler = handler(async ({ locals, request }) => {
	const actor = requireUser(locals, 'supervisor', 'administrator');
	const input = await readJson(request, assignRequestSchema, 256 * 1024);
	const database = await db();
	const sc = scope.scopeOf(actor);
	const officers = [input.officerId, ...(input.secondOfficerId ? [input.secondOfficerId] : [])];
	await scope.assertOfficers(database, sc, officers);
	await scope.assertSubjects(database, sc, input.subjectIds);
	const result = await database.transaction().execute(async (trx) => {
		const r = await assignCrew(trx, actor.id, input, operationalDayConfig());
		await audit.write(trx, {
			actorId: actor.id,
			action: 'assign-crew',
			entityId: r.crewId,
			outcome: 'accepted'
		});
		return r;
	});
	return noStore({ ...result, assigned: input.subjectIds.length }, 201);
});
