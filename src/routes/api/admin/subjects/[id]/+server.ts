import { subjectInputSchema } from '$lib/domain/intake';
import { requireUser } from '$lib/server/auth/guard';
import { teamScope } from '$lib/server/auth/scope';
import * as records from '$lib/server/intake/records';
import { db } from '$lib/server/context';
import { handler, idParam, noStore, readJson } from '$lib/server/http';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = handler(async ({ locals, params }) => {
	const user = requireUser(locals, 'supervisor', 'administrator');
	const id = idParam(params.id, 'subject');
	return noStore(await records.load(await db(), teamScope(user), id));
});

/** Replaces the subject's details and addresses; its orders are changed through their own routes. */
export const PUT: RequestHandler = handler(async ({ locals, params, request }) => {
	const user = requireUser(locals, 'supervisor', 'administrator');
	const id = idParam(params.id, 'subject');
	const input = await readJson(request, subjectInputSchema, 64 * 1024);
	return noStore(await records.saveSubject(await db(), teamScope(user), user.id, input, id));
});
