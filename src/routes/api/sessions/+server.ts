import { requireUser } from '$lib/server/auth/guard';
import { clearSessionCookie } from '$lib/server/auth/session';
import * as audit from '$lib/server/db/audit';
import * as sessions from '$lib/server/db/sessions';
import { db } from '$lib/server/context';
import { handler, noStore } from '$lib/server/http';
import { ownSessions } from '$lib/server/security/device-list';
import type { RequestHandler } from './$types';

/** The signed-in user's own sessions, on every device. */
export const GET: RequestHandler = handler(async ({ locals }) => {
	const user = requireUser(locals);
	return noStore({
		sessions: await ownSessions(await db(), user.id, locals.session?.tokenHash ?? null)
	});
});

/** Sign out everywhere: every session of this user ends, this one included. */
export const DELETE: RequestHandler = handler(async ({ locals, cookies }) => {
	const user = requireUser(locals);
	const database = await db();
	const ended = await sessions.destroyAllFor(database, user.id);
	await audit.write(database, {
		actorId: user.id,
		deviceId: locals.deviceId,
		action: 'sign-out-everywhere',
		outcome: 'accepted',
		detail: `sessions=${ended}`
	});
	clearSessionCookie(cookies);
	return noStore({ ended });
});
