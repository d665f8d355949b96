import type { Cookies } from '@sveltejs/kit';
import type { User } from '$lib/domain/user';
import type { Db } from '../db/connection';
import * as devices from '../db/devices';
import * as sessions from '../db/sessions';
import * as users from '../db/users';
import { isSecureDeployment } from '../security/config';
import { sessionIdleMs, TOUCH_EVERY_MS } from './session-policy';

export const SESSION_COOKIE = 'fc_session';

export interface Authenticated {
	user: User;
	session: sessions.SessionInfo;
	/** Set by a password reset: until changed, only the change-password route answers. */
	mustChangePassword: boolean;
	/** The session's device (if it has one) is revoked, as read with the session. */
	deviceRevoked: boolean;
}

/** The user and session behind a token; null if expired, idle too long, or the user is disabled. */
export async function authenticate(
	db: Db,
	token: string,
	now = new Date()
): Promise<Authenticated | null> {
	const live = await sessions.resolve(db, token, sessionIdleMs(), TOUCH_EVERY_MS, now);
	if (!live || live.user.disabled) return null;
	const { session, user } = live;
	// The device's "last seen" moves with its session's, at most once a minute.
	if (session.deviceId && session.lastSeenAt === now.toISOString()) {
		await devices.touch(db, session.deviceId, now);
	}
	return {
		user: users.toPublicUser(user),
		session,
		mustChangePassword: user.mustChangePassword,
		deviceRevoked: live.deviceRevoked
	};
}

export function setSessionCookie(cookies: Cookies, token: string, expiresAt: Date): void {
	cookies.set(SESSION_COOKIE, token, {
		path: '/',
		httpOnly: true,
		sameSite: 'strict',
		secure: isSecureDeployment(),
		expires: expiresAt
	});
}

export function clearSessionCookie(cookies: Cookies): void {
	cookies.delete(SESSION_COOKIE, {
		path: '/',
		httpOnly: true,
		sameSite: 'strict',
		secure: isSecureDeployment()
	});
}
