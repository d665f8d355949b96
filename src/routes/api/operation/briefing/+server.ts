import { planQuerySchema } from '$lib/domain/operation/plan';
import { requireUser } from '$lib/server/auth/guard';
import { db } from '$lib/server/context';
import { handler, noStore, parseWith } from '$lib/server/http';
import { briefing } from '$lib/server/operation/briefing';
import { operationalDayConfig } from '$lib/server/operation/config';
import { scopeOf } from '$lib/server/operation/scope';
import type { RequestHandler } from './$types';

/** The briefing sheet of a shift: each crew's subjects in route order. */
export const GET: RequestHandler = handler(async ({ locals, url }) => {
	const actor = requireUser(locals, 'supervisor', 'administrator');
	const q = parseWith(planQuerySchema, Object.fromEntries(url.searchParams), 'invalid-query');
	return noStore(
		await briefing(await db(), scopeOf(actor), q.date, q.shift, operationalDayConfig())
	);
});
