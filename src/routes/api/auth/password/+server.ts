import { passwordBodySchema } from '$lib/domain/admin-users';
import { changeOwnPassword } from '$lib/server/accounts/accounts';
import { asApi } from '$lib/server/accounts/http';
import { requireSession } from '$lib/server/auth/guard';
import { db } from '$lib/server/context';
import { handler, noStore, readJson } from '$lib/server/http';
import type { RequestHandler } from './$types';

/** The signed-in user chooses a new password (required after an administrator's reset). */
export const POST: RequestHandler = handler(async ({ locals, request }) => {
	const user = requireSession(locals);
	const { password } = await readJson(request, passwordBodySchema, 1024);
	await asApi(async () => changeOwnPassword(await db(), user.id, password));
	return noStore({ ok: true });
});
