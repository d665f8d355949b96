import { loginRequestSchema } from '$lib/domain/user';
import { dummyPasswordHash, verifyPassword } from '$lib/server/auth/password';
import { setSessionCookie } from '$lib/server/auth/session';
import { sessionLifetimeMs } from '$lib/server/auth/session-policy';
import { isThrottled, recordFailure, recordSuccess } from '$lib/server/auth/throttle';
import { publicSealKey } from '$lib/server/crypto/seal-keys';
import * as audit from '$lib/server/db/audit';
import * as sessions from '$lib/server/db/sessions';
import * as users from '$lib/server/db/users';
import { db } from '$lib/server/context';
import { ApiFailure, handler, noStore, readJson } from '$lib/server/http';
import { writeBounded } from '$lib/server/security/bounded-audit';
import { bindDevice, checkDeviceBeforeSignIn } from '$lib/server/security/sign-in';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = handler(async ({ request, cookies, getClientAddress }) => {
	const body = await readJson(request, loginRequestSchema, 4 * 1024);
	const address = getClientAddress();
	const database = await db();
	if (await isThrottled(database, body.username, address)) {
		await writeBounded(
			database,
			{ actorId: null, action: 'sign-in', outcome: 'throttled', address },
			address
		);
		throw new ApiFailure(
			429,
			'throttled',
			'Too many failed sign-ins: wait 15 minutes and try again'
		);
	}
	const known = await checkDeviceBeforeSignIn(database, body, address);
	const user = await users.findByUsername(database, body.username);
	const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), body.password);
	if (!user || !ok || user.disabled) {
		await recordFailure(database, user?.username ?? null, address);
		// Bounded: a flood of failures updates counts instead of writing a row each.
		await writeBounded(
			database,
			{ actorId: user?.id ?? null, action: 'sign-in', outcome: 'rejected', address },
			`${address}|${user?.id ?? '-'}`
		);
		throw new ApiFailure(401, 'invalid-credentials', 'Username or password is not right');
	}
	await recordSuccess(database, user.username);
	const device = await bindDevice(
		database,
		user.id,
		body,
		known,
		request.headers.get('user-agent')
	);
	const { token, expiresAt } = await sessions.create(
		database,
		user.id,
		device?.id ?? null,
		sessionLifetimeMs()
	);
	setSessionCookie(cookies, token, expiresAt);
	await audit.write(database, {
		actorId: user.id,
		deviceId: device?.id ?? null,
		action: 'sign-in',
		outcome: 'accepted',
		address
	});
	return noStore({
		user: users.toPublicUser(user),
		expiresAt: expiresAt.toISOString(),
		mustChangePassword: user.mustChangePassword,
		sealKey: await publicSealKey(database),
		device: device && {
			id: device.id,
			name: device.name,
			firstSeenAt: device.firstSeenAt,
			lastSeenAt: device.lastSeenAt
		}
	});
});
