import { requireUser } from '$lib/server/auth/guard';
import * as users from '$lib/server/db/users';
import { db } from '$lib/server/context';
import { handler, noStore } from '$lib/server/http';
import type { RequestHandler } from './$types';

/** Active officers: staff plan with it, officers pick a second officer from it (offline). */
export const GET: RequestHandler = handler(async ({ locals }) => {
	requireUser(locals);
	return noStore({ officers: await users.listByRole(await db(), 'officer') });
});
