import { z } from 'zod';
import { userSchema, type LoginRequest, type User } from '$lib/domain/user';
import { wipeDevice } from '../db/device-store';
import * as account from '../db/account-values';
import { draftSummaries, type DraftSummary } from '../db/drafts-store';
import { outboxCounts } from '../db/visits-store';
import { ApiError, request } from './api';
import { withSyncLock } from './lock';

const loginResponseSchema = z.object({
	user: userSchema,
	expiresAt: z.string(),
	mustChangePassword: z.boolean()
});
const officersSchema = z.object({ officers: z.array(userSchema) });

/**
 * Thrown when leaving would delete work that exists only on this device: visits not yet sent,
 * or drafts not yet finalised. Says which is in the way, because each has its own remedy.
 */
export class UnsentWorkError extends Error {
	constructor(
		readonly waiting: number,
		readonly drafts: DraftSummary[] = []
	) {
		const parts: string[] = [];
		if (waiting > 0) {
			parts.push(
				`${waiting} finished visit${waiting === 1 ? ' is' : 's are'} not yet sent. ` +
					'Connect and let them send first.'
			);
		}
		if (drafts.length > 0) {
			const names = drafts.map((d) => d.subjectName).join('; ');
			parts.push(
				`${drafts.length === 1 ? 'A visit is' : `${drafts.length} visits are`} not finished ` +
					`(${names}). Finish or discard ${drafts.length === 1 ? 'it' : 'them'} first: ` +
					'otherwise it would be deleted from this device.'
			);
		}
		super(parts.join(' '));
	}
}

/** Rejected visits exist only on this device: leaving deletes them unless the officer agrees. */
export class RejectedWorkError extends Error {
	constructor(readonly rejected: number) {
		super(
			`${rejected} rejected visit${rejected === 1 ? '' : 's'} will be deleted from this device. ` +
				'Export them from the outbox first if they are still needed.'
		);
	}
}

async function assertNothingUnsent(allowRejected: boolean): Promise<void> {
	const { waiting, drafts, rejected } = await outboxCounts();
	if (waiting + drafts > 0) {
		throw new UnsentWorkError(waiting, drafts > 0 ? await draftSummaries() : []);
	}
	if (rejected > 0 && !allowRejected) throw new RejectedWorkError(rejected);
}

/**
 * Signs in and remembers who is signed in on this device, so the app opens offline later.
 * A different officer signing in never sees the previous officer's data, and cannot take
 * over a device whose previous officer still has visits waiting.
 */
export async function signIn(
	credentials: LoginRequest,
	allowRejected = false
): Promise<{ user: User; mustChangePassword: boolean }> {
	// Under the sync lock, so a page of caseload already in flight cannot land after a wipe
	// and leave one officer's subjects behind for the next.
	return withSyncLock(async () => {
		const previous = await account.user.get();
		const sameOfficer = previous?.username === credentials.username;
		if (!sameOfficer) await assertNothingUnsent(allowRejected);
		const { user, mustChangePassword } = await request('/api/auth/login', loginResponseSchema, {
			method: 'POST',
			body: credentials
		});
		// Whatever a different (or unknown) officer left behind goes before this one sees it.
		if (previous?.id !== user.id) await wipeDevice();
		await account.user.set(user);
		if (!mustChangePassword) await refreshOfficers();
		return { user, mustChangePassword };
	});
}

/** The roster for "second officer", kept for choosing offline. */
export async function refreshOfficers(): Promise<void> {
	try {
		const { officers } = await request('/api/officers', officersSchema);
		await account.officers.set(officers);
	} catch (e) {
		if (!(e instanceof ApiError)) throw e;
	}
}

/** The user's own new password (after an administrator reset it, or at will). */
export async function changePassword(password: string): Promise<void> {
	await request('/api/auth/password', z.object({ ok: z.literal(true) }), {
		method: 'POST',
		body: { password }
	});
	await refreshOfficers();
}

export async function signOut(allowRejected = false): Promise<void> {
	await withSyncLock(async () => {
		await assertNothingUnsent(allowRejected);
		// The server session ends if we can reach it; the device forgets everything either way.
		await request('/api/auth/logout', z.unknown(), { method: 'POST' }).catch(() => undefined);
		await wipeDevice();
	});
}

/**
 * Whether the server holds this session to a password change (an administrator reset it). The
 * server refuses everything else until then; asking on start-up keeps the app from opening
 * screens that would only fail, after a reload too. Unknown when offline.
 */
export async function mustChangePassword(): Promise<boolean | null> {
	try {
		await request('/api/me', z.object({ user: userSchema }));
		return false;
	} catch (e) {
		if (!(e instanceof ApiError)) throw e;
		const p = e.problem;
		return p.kind === 'rejected' && p.code === 'password-change-required' ? true : null;
	}
}

export function signedInUser(): Promise<User | undefined> {
	return account.user.get();
}

export async function knownOfficers(): Promise<User[]> {
	return (await account.officers.get()) ?? [];
}
