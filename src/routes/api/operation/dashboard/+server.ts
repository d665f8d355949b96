import { dashboardQuerySchema } from '$lib/domain/operation/dashboard';
import { requireUser } from '$lib/server/auth/guard';
import { db } from '$lib/server/context';
import { handler, noStore, parseWith } from '$lib/server/http';
import { operationalDayConfig } from '$lib/server/operation/config';
import { dashboard } from '$lib/server/operation/dashboard';
import { scopeOf } from '$lib/server/operation/scope';
import type { RequestHandler } from './$types';

/** The operation dashboard for one operational day; the page polls it every few seconds. */
export const GET: RequestHandler = handler(async ({ locals, url }) => {
	const actor = requireUser(locals, 'supervisor', 'administrator');
	const { date } = parseWith(
		dashboardQuerySchema,
		Object.fromEntries(url.searchParams),
		'invalid-query'
	);
	return noStore(await dashboard(await db(), scopeOf(actor), date, operationalDayConfig()));
});
