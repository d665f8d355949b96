import { passwordBodySchema } from '$lib/domain/admin-users';
import { resetPassword } from '$lib/server/accounts/accounts';
import { asApi } from '$lib/server/accounts/http';
import { requireUser } from '$lib/server/auth/guard';
import { db } from '$lib/server/context';
import { handler, idParam, noStore, readJson } from '$lib/server/http';
import type { RequestHandler } from './$types';

/** An administrator sets a temporary password: sessions end, the next sign-in must change it. */
export const POST: RequestHandler = handler(async ({ locals, params, request }) => {
	const actor = requireUser(locals, 'administrator');
	const id = idParam(params.id, 'user');
	const { password } = await readJson(request, passwordBodySchema, 1024);
	await asApi(async () => resetPassword(await db(), id, password, actor.id));
	return noStore({ ok: true });
});
