import { reviewRequestSchema } from '$lib/domain/operation/visit-record';
import { requireUser } from '$lib/server/auth/guard';
import * as audit from '$lib/server/db/audit';
import { db } from '$lib/server/context';
import { ApiFailure, handler, idParam, noStore, readJson } from '$lib/server/http';
import { assertSubjectVisible, scopeOf } from '$lib/server/operation/scope';
import { markReviewed } from '$lib/server/operation/visit-record';
import type { RequestHandler } from './$types';

/** Marks a visit reviewed, with the supervisor's comment (a later review replaces it). */
export const POST: RequestHandler = handler(async ({ locals, params, request }) => {
	const actor = requireUser(locals, 'supervisor', 'administrator');
	const id = idParam(params.id, 'visit');
	const { comment } = await readJson(request, reviewRequestSchema, 8 * 1024);
	const database = await db();
	const visit = await database
		.selectFrom('visits')
		.select('subject_id')
		.where('id', '=', id)
		.executeTakeFirst();
	if (!visit) throw new ApiFailure(404, 'not-found', 'No such visit');
	await assertSubjectVisible(database, scopeOf(actor), visit.subject_id);
	await database.transaction().execute(async (trx) => {
		await markReviewed(trx, id, actor.id, comment);
		await audit.write(trx, {
			actorId: actor.id,
			action: 'review-visit',
			entityId: id,
			outcome: 'accepted'
		});
	});
	return noStore({ reviewed: id });
});
