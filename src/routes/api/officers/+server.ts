import { requireUser } from '$lib/server/auth/guard';
import { teamScope } from '$lib/server/auth/scope';
import { db } from '$lib/server/context';
import { handler, noStore } from '$lib/server/http';
import { roster } from '$lib/server/intake/assignment-scope';
import type { RequestHandler } from './$types';

/**
 * Active officers of the user's team (an administrator: every team). Staff plan with it;
 * officers pick a second officer from it, offline.
 */
export const GET: RequestHandler = handler(async ({ locals }) => {
	const user = requireUser(locals);
	return noStore({ officers: await roster(await db(), teamScope(user)) });
});
