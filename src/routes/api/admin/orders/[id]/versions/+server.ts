import { orderInputSchema } from '$lib/domain/intake';
import { requireUser } from '$lib/server/auth/guard';
import { teamScope } from '$lib/server/auth/scope';
import * as orderVersions from '$lib/server/db/order-versions';
import * as records from '$lib/server/intake/records';
import { db } from '$lib/server/context';
import { handler, idParam, noStore, readJson } from '$lib/server/http';
import type { RequestHandler } from './$types';

/** Every version of the order, oldest first. */
export const GET: RequestHandler = handler(async ({ locals, params }) => {
	const user = requireUser(locals, 'supervisor', 'administrator');
	const id = idParam(params.id, 'order');
	const database = await db();
	await records.orderSubjectScope(database, teamScope(user), id);
	return noStore({ versions: await orderVersions.history(database, id) });
});

/** A court variation: the order's next version. */
export const POST: RequestHandler = handler(async ({ locals, params, request }) => {
	const user = requireUser(locals, 'supervisor', 'administrator');
	const id = idParam(params.id, 'order');
	const input = await readJson(request, orderInputSchema, 256 * 1024);
	const order = await records.varyOrder(await db(), teamScope(user), user.id, id, input);
	return noStore({ order }, 201);
});
