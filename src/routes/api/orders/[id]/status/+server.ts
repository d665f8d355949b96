import { z } from 'zod';
import { orderStatusSchema } from '$lib/domain/order';
import { requireUser } from '$lib/server/auth/guard';
import { teamScope } from '$lib/server/auth/scope';
import { assertOrder } from '$lib/server/intake/assignment-scope';
import * as audit from '$lib/server/db/audit';
import * as caseload from '$lib/server/db/caseload';
import { db } from '$lib/server/context';
import { ApiFailure, handler, idParam, noStore, readJson } from '$lib/server/http';
import type { RequestHandler } from './$types';

const bodySchema = z.strictObject({ status: orderStatusSchema });

/** Record a court's decision (varied, discharged…) until the records-system import lands. */
export const POST: RequestHandler = handler(async ({ locals, params, request }) => {
	const actor = requireUser(locals, 'supervisor', 'administrator');
	const id = idParam(params.id, 'order');
	const { status } = await readJson(request, bodySchema, 1024);
	const database = await db();
	await assertOrder(database, teamScope(actor), id);
	const order = await database.transaction().execute(async (trx) => {
		const o = await caseload.setOrderStatus(trx, id, status);
		if (o)
			await audit.write(trx, {
				actorId: actor.id,
				action: 'order-status',
				entityId: o.id,
				outcome: status
			});
		return o;
	});
	if (!order) throw new ApiFailure(404, 'not-found', 'No such order');
	return noStore({ order });
});
