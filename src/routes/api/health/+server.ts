import { db } from '$lib/server/context';
import { ping } from '$lib/server/db/connection';
import { noStore } from '$lib/server/http';
import type { RequestHandler } from './$types';

/**
 * Liveness and readiness, for scripts, tests and load balancers: answers only once the database
 * is open and migrated, and only while it answers (a 500 takes this server out of rotation).
 */
export const GET: RequestHandler = async () => {
	await ping(await db());
	return noStore({ ok: true });
};
