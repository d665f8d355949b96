import { z } from 'zod';
import { userSchema, type LoginRequest, type User } from '$lib/domain/user';
import { wipeDevice } from '../db/device-store';
import * as meta from '../db/meta';
import { outboxCounts } from '../db/visits-store';
import { ApiError, request } from './api';

const loginResponseSchema = z.object({ user: userSchema, expiresAt: z.string() });
const officersSchema = z.object({ officers: z.array(userSchema) });

/** Thrown when leaving would strand visits that have not reached the server. */
export class UnsentWorkError extends Error {
	constructor(readonly waiting: number) {
		super(
			`${waiting} visit${waiting === 1 ? ' is' : 's are'} not yet sent from this device. ` +
				'Connect and let them send first (or export them from the outbox).'
		);
	}
}

/**
 * Signs in and remembers who is signed in on this device, so the app opens offline later.
 * A different officer signing in never sees the previous officer's data, and cannot take
 * over a device whose previous officer still has visits waiting.
 */
export async function signIn(credentials: LoginRequest): Promise<User> {
	const previous = await meta.get('user');
	if (previous && previous.username !== credentials.username) {
		const { waiting, drafts } = await outboxCounts();
		if (waiting + drafts > 0) throw new UnsentWorkError(waiting + drafts);
	}
	const { user } = await request('/api/auth/login', loginResponseSchema, {
		method: 'POST',
		body: credentials
	});
	if (previous && previous.id !== user.id) await wipeDevice();
	await meta.set('user', user);
	await refreshOfficers();
	return user;
}

/** The roster for "second officer", kept for choosing offline. */
export async function refreshOfficers(): Promise<void> {
	try {
		const { officers } = await request('/api/officers', officersSchema);
		await meta.set('officers', officers);
	} catch (e) {
		if (!(e instanceof ApiError)) throw e;
	}
}

export async function signOut(): Promise<void> {
	const { waiting, drafts } = await outboxCounts();
	if (waiting + drafts > 0) throw new UnsentWorkError(waiting + drafts);
	// The server session ends if we can reach it; the device forgets everything either way.
	await request('/api/auth/logout', z.unknown(), { method: 'POST' }).catch(() => undefined);
	await wipeDevice();
}

export function signedInUser(): Promise<User | undefined> {
	return meta.get('user');
}

export async function knownOfficers(): Promise<User[]> {
	return (await meta.get('officers')) ?? [];
}
