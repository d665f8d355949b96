import { env } from '$env/dynamic/private';
import { requireUser } from '$lib/server/auth/guard';
import { handler, noStore } from '$lib/server/http';
import { routeConfigSchema, type RouteConfig } from '$lib/domain/route-plan';
import type { RequestHandler } from './$types';

/**
 * Where devices get road travel times. FIELDCHECK_OSRM_URL names an OSRM-compatible service;
 * unset or not an http(s) URL means none, and devices use straight-line estimates.
 */
export const GET: RequestHandler = handler(async ({ locals }) => {
	requireUser(locals);
	const parsed = routeConfigSchema.safeParse({ osrmUrl: env.FIELDCHECK_OSRM_URL || null });
	const config: RouteConfig = parsed.success ? parsed.data : { osrmUrl: null };
	return noStore(config);
});
