import { dealtWithRequestSchema } from '$lib/domain/operation/visit-record';
import { requireUser } from '$lib/server/auth/guard';
import * as audit from '$lib/server/db/audit';
import { db } from '$lib/server/context';
import { ApiFailure, handler, idParam, noStore, readJson } from '$lib/server/http';
import { assertSubjectVisible, scopeOf } from '$lib/server/operation/scope';
import { markDealtWith } from '$lib/server/operation/visit-record';
import type { RequestHandler } from './$types';

/** Marks the follow-up of a breach (named by its visit) dealt with. */
export const POST: RequestHandler = handler(async ({ locals, params, request }) => {
	const actor = requireUser(locals, 'supervisor', 'administrator');
	const id = idParam(params.id, 'follow-up');
	const { note } = await readJson(request, dealtWithRequestSchema, 8 * 1024);
	const database = await db();
	const f = await database
		.selectFrom('follow_ups')
		.select('subject_id')
		.where('visit_id', '=', id)
		.executeTakeFirst();
	if (!f) throw new ApiFailure(404, 'not-found', 'No such follow-up');
	await assertSubjectVisible(database, scopeOf(actor), f.subject_id);
	const done = await database.transaction().execute(async (trx) => {
		const ok = await markDealtWith(trx, id, actor.id, note);
		if (ok)
			await audit.write(trx, {
				actorId: actor.id,
				action: 'follow-up-dealt-with',
				entityId: id,
				outcome: 'accepted'
			});
		return ok;
	});
	if (!done) throw new ApiFailure(409, 'conflict', 'This follow-up is already dealt with');
	return noStore({ dealtWith: id });
});
