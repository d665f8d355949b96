import { z } from 'zod';
import { userSchema, type LoginRequest, type User } from '$lib/domain/user';
import { clearCaseload } from '../db/caseload-store';
import * as meta from '../db/meta';
import { request } from './api';

const loginResponseSchema = z.object({ user: userSchema, expiresAt: z.string() });

/**
 * Signs in and remembers who is signed in on this device, so the app opens offline later.
 * A different officer signing in never sees the previous officer's caseload.
 */
export async function signIn(credentials: LoginRequest): Promise<User> {
	const { user } = await request('/api/auth/login', loginResponseSchema, {
		method: 'POST',
		body: credentials
	});
	const previous = await meta.get('user');
	if (previous && previous.id !== user.id) await clearCaseload();
	await meta.set('user', user);
	return user;
}

export async function signOut(): Promise<void> {
	// The server session ends if we can reach it; the device forgets the caseload either way.
	await request('/api/auth/logout', z.unknown(), { method: 'POST' }).catch(() => undefined);
	await clearCaseload();
	await meta.remove('user');
}

export function signedInUser(): Promise<User | undefined> {
	return meta.get('user');
}
