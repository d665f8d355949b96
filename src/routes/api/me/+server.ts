import { requireUser } from '$lib/server/auth/guard';
import { handler, noStore } from '$lib/server/http';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = handler(async ({ locals }) =>
	noStore({ user: requireUser(locals) })
);
