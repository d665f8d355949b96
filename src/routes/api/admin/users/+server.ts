import { createUserSchema } from '$lib/domain/admin-users';
import { createAccount } from '$lib/server/accounts/accounts';
import { asApi } from '$lib/server/accounts/http';
import { requireUser } from '$lib/server/auth/guard';
import * as teams from '$lib/server/db/teams';
import * as users from '$lib/server/db/users';
import { db } from '$lib/server/context';
import { handler, noStore, readJson } from '$lib/server/http';
import type { RequestHandler } from './$types';

/** Every account (disabled ones too: never deleted) and every team. Administrators only. */
export const GET: RequestHandler = handler(async ({ locals }) => {
	requireUser(locals, 'administrator');
	const database = await db();
	return noStore({ users: await users.listAll(database), teams: await teams.list(database) });
});

export const POST: RequestHandler = handler(async ({ locals, request }) => {
	const actor = requireUser(locals, 'administrator');
	const input = await readJson(request, createUserSchema, 4 * 1024);
	const user = await asApi(async () =>
		createAccount(await db(), { ...input, mustChangePassword: true }, actor.id)
	);
	return noStore({ user }, 201);
});
