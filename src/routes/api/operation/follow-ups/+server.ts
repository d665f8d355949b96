import { requireUser } from '$lib/server/auth/guard';
import { db } from '$lib/server/context';
import { handler, noStore } from '$lib/server/http';
import { operationalDayConfig } from '$lib/server/operation/config';
import { scopeOf } from '$lib/server/operation/scope';
import { openFollowUps } from '$lib/server/operation/visit-record';
import type { RequestHandler } from './$types';

/** Breaches still waiting to be dealt with, newest first. */
export const GET: RequestHandler = handler(async ({ locals }) => {
	const actor = requireUser(locals, 'supervisor', 'administrator');
	const followUps = await openFollowUps(await db(), scopeOf(actor), operationalDayConfig());
	return noStore({ followUps });
});
