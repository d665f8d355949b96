import { requireUser } from '$lib/server/auth/guard';
import { db } from '$lib/server/context';
import { ApiFailure, handler, idParam, noStore } from '$lib/server/http';
import { operationalDayConfig } from '$lib/server/operation/config';
import { assertSubjectVisible, scopeOf } from '$lib/server/operation/scope';
import { visitRecord } from '$lib/server/operation/visit-record';
import type { RequestHandler } from './$types';

/** A visit's full record for review and the court file. */
export const GET: RequestHandler = handler(async ({ locals, params }) => {
	const actor = requireUser(locals, 'supervisor', 'administrator');
	const database = await db();
	const record = await visitRecord(database, idParam(params.id, 'visit'), operationalDayConfig());
	if (!record) throw new ApiFailure(404, 'not-found', 'No such visit');
	await assertSubjectVisible(database, scopeOf(actor), record.visit.subjectId);
	return noStore(record);
});
