import { db } from '$lib/server/context';
import { noStore } from '$lib/server/http';
import type { RequestHandler } from './$types';

/** Liveness for scripts and tests: answers only once the database is open and migrated. */
export const GET: RequestHandler = async () => {
	await db();
	return noStore({ ok: true });
};
