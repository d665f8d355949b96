import { orderInputSchema } from '$lib/domain/intake';
import { requireUser } from '$lib/server/auth/guard';
import { teamScope } from '$lib/server/auth/scope';
import * as records from '$lib/server/intake/records';
import { db } from '$lib/server/context';
import { handler, idParam, noStore, readJson } from '$lib/server/http';
import type { RequestHandler } from './$types';

/** A new order (version 1) for the subject. */
export const POST: RequestHandler = handler(async ({ locals, params, request }) => {
	const user = requireUser(locals, 'supervisor', 'administrator');
	const id = idParam(params.id, 'subject');
	const input = await readJson(request, orderInputSchema, 256 * 1024);
	const order = await records.createOrder(await db(), teamScope(user), user.id, id, input);
	return noStore({ order }, 201);
});
