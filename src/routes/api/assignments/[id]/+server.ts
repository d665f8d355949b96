import { requireUser } from '$lib/server/auth/guard';
import { teamScope } from '$lib/server/auth/scope';
import { assertAssignment } from '$lib/server/intake/assignment-scope';
import * as assignments from '$lib/server/db/assignments';
import * as audit from '$lib/server/db/audit';
import { db } from '$lib/server/context';
import { ApiFailure, handler, idParam, noStore } from '$lib/server/http';
import type { RequestHandler } from './$types';

/** Unassign: the subject leaves the officer's device once its pending visits are sent. */
export const DELETE: RequestHandler = handler(async ({ locals, params }) => {
	const actor = requireUser(locals, 'supervisor', 'administrator');
	const id = idParam(params.id, 'assignment');
	const database = await db();
	await assertAssignment(database, teamScope(actor), id);
	const removed = await database.transaction().execute(async (trx) => {
		const a = await assignments.unassign(trx, id);
		if (a)
			await audit.write(trx, {
				actorId: actor.id,
				action: 'unassign',
				entityId: a.id,
				outcome: 'accepted'
			});
		return a;
	});
	if (!removed) throw new ApiFailure(404, 'not-found', 'No such live assignment');
	return noStore({ unassigned: removed });
});
