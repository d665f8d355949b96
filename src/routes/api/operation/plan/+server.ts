import { planQuerySchema } from '$lib/domain/operation/plan';
import { requireUser } from '$lib/server/auth/guard';
import { db } from '$lib/server/context';
import { handler, noStore, parseWith } from '$lib/server/http';
import { operationalDayConfig } from '$lib/server/operation/config';
import { planningList } from '$lib/server/operation/planning';
import { scopeOf } from '$lib/server/operation/scope';
import type { RequestHandler } from './$types';

/** The planning list for one shift of one operational day. */
export const GET: RequestHandler = handler(async ({ locals, url }) => {
	const actor = requireUser(locals, 'supervisor', 'administrator');
	const query = parseWith(planQuerySchema, Object.fromEntries(url.searchParams), 'invalid-query');
	return noStore(await planningList(await db(), scopeOf(actor), query, operationalDayConfig()));
});
