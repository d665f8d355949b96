import { unassignRequestSchema } from '$lib/domain/operation/plan';
import { requireUser } from '$lib/server/auth/guard';
import * as audit from '$lib/server/db/audit';
import { db } from '$lib/server/context';
import { handler, noStore, readJson } from '$lib/server/http';
import { unassignSubjects } from '$lib/server/operation/assign';
import * as scope from '$lib/server/operation/scope';
import type { RequestHandler } from './$types';

/** Unassigns subjects for a day: they leave the devices once their pending visits are sent. */
export const POST: RequestHandler = handler(async ({ locals, request }) => {
	const actor = requireUser(locals, 'supervisor', 'administrator');
	const input = await readJson(request, unassignRequestSchema, 128 * 1024);
	const database = await db();
	await scope.assertSubjects(database, scope.scopeOf(actor), input.subjectIds);
	const removed = await database.transaction().execute(async (trx) => {
		const n = await unassignSubjects(trx, input);
		for (const id of input.subjectIds) {
			await audit.write(trx, {
				actorId: actor.id,
				action: 'unassign',
				entityId: id,
				outcome: 'accepted'
			});
		}
		return n;
	});
	return noStore({ removed });
});
