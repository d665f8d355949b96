import { protectedPersonInputSchema } from '$lib/domain/protected-person';
import { requireUser } from '$lib/server/auth/guard';
import { teamScope } from '$lib/server/auth/scope';
import { db } from '$lib/server/context';
import { handler, noStore, readJson } from '$lib/server/http';
import * as protectedPersons from '$lib/server/intake/protected-persons';
import type { RequestHandler } from './$types';

/** Protected persons of the user's team (an administrator: every team), premises included. */
export const GET: RequestHandler = handler(async ({ locals }) => {
	const user = requireUser(locals, 'supervisor', 'administrator');
	return noStore({ protectedPersons: await protectedPersons.list(await db(), teamScope(user)) });
});

export const POST: RequestHandler = handler(async ({ locals, request }) => {
	const user = requireUser(locals, 'supervisor', 'administrator');
	const input = await readJson(request, protectedPersonInputSchema, 8 * 1024);
	const saved = await protectedPersons.save(await db(), teamScope(user), user.id, input, 'create');
	return noStore({ protectedPerson: saved }, 201);
});
