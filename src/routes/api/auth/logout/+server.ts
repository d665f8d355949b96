import { clearSessionCookie } from '$lib/server/auth/session';
import * as sessions from '$lib/server/db/sessions';
import { db } from '$lib/server/context';
import { handler, noStore } from '$lib/server/http';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = handler(async ({ locals, cookies }) => {
	if (locals.sessionToken) await sessions.destroy(await db(), locals.sessionToken);
	clearSessionCookie(cookies);
	return noStore({ signedOut: true });
});
