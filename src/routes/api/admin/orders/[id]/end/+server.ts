import { endOrderSchema } from '$lib/domain/intake';
import { requireUser } from '$lib/server/auth/guard';
import { teamScope } from '$lib/server/auth/scope';
import * as records from '$lib/server/intake/records';
import { db } from '$lib/server/context';
import { handler, idParam, noStore, readJson } from '$lib/server/http';
import type { RequestHandler } from './$types';

/** Discharge or expiry, with its date. */
export const POST: RequestHandler = handler(async ({ locals, params, request }) => {
	const user = requireUser(locals, 'supervisor', 'administrator');
	const id = idParam(params.id, 'order');
	const end = await readJson(request, endOrderSchema, 1024);
	const order = await records.endOrder(await db(), teamScope(user), user.id, id, end);
	return noStore({ order });
});
