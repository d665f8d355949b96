import { requireUser } from '$lib/server/auth/guard';
import { db } from '$lib/server/context';
import { ApiFailure, handler, idParam } from '$lib/server/http';
import { assertSubjectVisible, scopeOf } from '$lib/server/operation/scope';
import type { RequestHandler } from './$types';

/** A visit photo at full size, for review and the court file. */
export const GET: RequestHandler = handler(async ({ locals, params }) => {
	const actor = requireUser(locals, 'supervisor', 'administrator');
	const id = idParam(params.id, 'photo');
	const database = await db();
	const row = await database
		.selectFrom('photos as p')
		.innerJoin('photo_blobs as b', 'b.sha256', 'p.sha256')
		.innerJoin('visit_photos as vp', 'vp.photo_id', 'p.id')
		.innerJoin('visits as v', 'v.id', 'vp.visit_id')
		.select(['b.data', 'p.mime_type', 'p.sha256', 'v.subject_id'])
		.where('p.id', '=', id)
		.where('p.completed_at', 'is not', null)
		.executeTakeFirst();
	if (!row) throw new ApiFailure(404, 'not-found', 'No such photo');
	await assertSubjectVisible(database, scopeOf(actor), row.subject_id);
	return new Response(new Uint8Array(row.data), {
		headers: {
			'content-type': row.mime_type,
			'cache-control': 'private, no-store',
			'x-content-sha256': row.sha256
		}
	});
});
