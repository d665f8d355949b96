import type { Cookies } from '@sveltejs/kit';
import type { User } from '$lib/domain/user';
import type { Db } from '../db/connection';
import * as sessions from '../db/sessions';
import * as users from '../db/users';

export const SESSION_COOKIE = 'fc_session';

export interface SessionUser {
	user: User;
	/** Set by a password reset: until changed, only the change-password route answers. */
	mustChangePassword: boolean;
}

export async function userForToken(db: Db, token: string): Promise<SessionUser | null> {
	const userId = await sessions.resolve(db, token);
	if (!userId) return null;
	const user = await users.findById(db, userId);
	if (!user || user.disabled) return null;
	return { user: users.toPublicUser(user), mustChangePassword: user.mustChangePassword };
}

export function setSessionCookie(
	cookies: Cookies,
	token: string,
	expiresAt: Date,
	secure: boolean
): void {
	cookies.set(SESSION_COOKIE, token, {
		path: '/',
		httpOnly: true,
		sameSite: 'strict',
		secure,
		expires: expiresAt
	});
}

export function clearSessionCookie(cookies: Cookies, secure: boolean): void {
	cookies.delete(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'strict', secure });
}
