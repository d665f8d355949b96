import { loginRequestSchema } from '$lib/domain/user';
import { dummyPasswordHash, verifyPassword } from '$lib/server/auth/password';
import { setSessionCookie } from '$lib/server/auth/session';
import { isThrottled, recordFailure, recordSuccess } from '$lib/server/auth/throttle';
import * as audit from '$lib/server/db/audit';
import * as sessions from '$lib/server/db/sessions';
import * as users from '$lib/server/db/users';
import { db } from '$lib/server/context';
import { ApiFailure, handler, noStore, readJson } from '$lib/server/http';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = handler(async ({ request, cookies, url, getClientAddress }) => {
	const body = await readJson(request, loginRequestSchema, 4 * 1024);
	const address = getClientAddress();
	const database = await db();
	if (await isThrottled(database, body.username, address)) {
		throw new ApiFailure(
			429,
			'throttled',
			'Too many failed sign-ins: wait 15 minutes and try again'
		);
	}
	const user = await users.findByUsername(database, body.username);
	const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), body.password);
	if (!user || !ok || user.disabled) {
		await recordFailure(database, user?.username ?? null, address);
		await audit.write(database, {
			actorId: user?.id ?? null,
			action: 'sign-in',
			outcome: 'rejected'
		});
		throw new ApiFailure(401, 'invalid-credentials', 'Username or password is not right');
	}
	await recordSuccess(database, user.username);
	const { token, expiresAt } = await sessions.create(database, user.id);
	setSessionCookie(cookies, token, expiresAt, url.protocol === 'https:');
	await audit.write(database, { actorId: user.id, action: 'sign-in', outcome: 'accepted' });
	return noStore({
		user: users.toPublicUser(user),
		expiresAt: expiresAt.toISOString(),
		mustChangePassword: user.mustChangePassword
	});
});
