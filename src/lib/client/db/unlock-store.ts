import * as keyring from './crypto/keyring';
import {
	lockedCopy,
	newDataKey,
	unwrapWithPassphrase,
	unwrapWithPrf,
	WrongSecretError,
	wrapWithPassphrase,
	wrapWithPrf
} from './crypto/key-wrap';
import {
	ARGON2_PARAMS,
	DEFAULT_LOCK_POLICY,
	MAX_FAILED_UNLOCKS,
	MAX_IDLE_MINUTES,
	MIN_PASSPHRASE_LENGTH,
	type LockPolicy,
	type PasskeyWrap,
	type UnlockRecord
} from './crypto/unlock-record';
import * as account from './account-values';
import { database, type LockEvent } from './database';
import { wipeDevice } from './device-store';
import * as values from './lock-values';
import { lastSyncedAt } from './sync-values';

/**
 * Setting up, using and losing the ways of unlocking this device. The data key exists
 * unwrapped only in memory: from sign-in until set-up (extractable, to be wrapped), then as a
 * non-extractable copy in the keyring until the device locks.
 */
let pendingKey: CryptoKey | null = null;

/** After an online sign-in: a data key to encrypt with, kept if the device is already unlocked. */
export async function ensureDataKey(): Promise<void> {
	if (keyring.isUnlocked()) return;
	pendingKey = await newDataKey();
	keyring.use(await lockedCopy(pendingKey));
}

/**
 * A fresh data key for a set-up that was put off (a password change across a reload, when the
 * unwrapped key is gone): who is signed in and the roster carry over; nothing else was stored.
 */
export async function restartSetUp(): Promise<void> {
	const user = await account.user.get();
	const officers = await account.officers.get();
	pendingKey = await newDataKey();
	keyring.use(await lockedCopy(pendingKey));
	if (user) await account.user.set(user);
	if (officers) await account.officers.set(officers);
}

export function unlockRecord(): Promise<UnlockRecord | undefined> {
	return values.unlock.get();
}

/** Signed in and holding a data key that is not yet wrapped: unlock must be set up now. */
export function needsSetUp(): boolean {
	return pendingKey !== null;
}

export interface PasskeySecret {
	credentialId: Uint8Array<ArrayBuffer>;
	prfSalt: Uint8Array<ArrayBuffer>;
	prfOutput: BufferSource;
}

export async function setUpUnlock(passphrase: string, passkey?: PasskeySecret): Promise<void> {
	if (!pendingKey) throw new Error('Sign in again to set up unlocking');
	if (passphrase.length < MIN_PASSPHRASE_LENGTH) throw new Error('passphrase-too-short');
	const record: UnlockRecord = {
		v: 1,
		passphrase: await wrapWithPassphrase(pendingKey, passphrase, ARGON2_PARAMS)
	};
	if (passkey) record.passkey = await wrapWithPrf(pendingKey, passkey.prfOutput, passkey);
	await values.unlock.set(record);
	await values.failedUnlocks.set(0);
	pendingKey = null;
}

export type UnlockOutcome = { ok: true } | { ok: false; remaining: number; wiped: boolean };

/**
 * Counts the attempt before trying it, so closing the app mid-attempt does not reset the
 * count; a success puts it back to 0; the fifth failure wipes what is readable.
 */
async function attempt(unwrap: (r: UnlockRecord) => Promise<CryptoKey>): Promise<UnlockOutcome> {
	const record = await unlockRecord();
	if (!record) return { ok: false, remaining: 0, wiped: true };
	const failures = ((await values.failedUnlocks.get()) ?? 0) + 1;
	await values.failedUnlocks.set(failures);
	try {
		keyring.use(await unwrap(record));
	} catch (e) {
		if (!(e instanceof WrongSecretError)) throw e;
		await recordLockEvent('unlock-failed');
		if (failures < MAX_FAILED_UNLOCKS) {
			return { ok: false, remaining: MAX_FAILED_UNLOCKS - failures, wiped: false };
		}
		await wipeReadable();
		return { ok: false, remaining: 0, wiped: true };
	}
	await values.failedUnlocks.set(0);
	await recordLockEvent('unlock');
	return { ok: true };
}

export function unlockWithPassphrase(passphrase: string): Promise<UnlockOutcome> {
	return attempt((r) => unwrapWithPassphrase(r.passphrase, passphrase));
}

export function unlockWithPrf(prfOutput: BufferSource): Promise<UnlockOutcome> {
	return attempt((r) => {
		if (!r.passkey) throw new WrongSecretError();
		return unwrapWithPrf(r.passkey, prfOutput);
	});
}

export async function passkeyOf(): Promise<Pick<PasskeyWrap, 'credentialId' | 'prfSalt'> | null> {
	const p = (await unlockRecord())?.passkey;
	return p ? { credentialId: p.credentialId, prfSalt: p.prfSalt } : null;
}

/** Deletes everything readable (sealed visits and lock events stay) and forgets the key. */
export async function wipeReadable(): Promise<void> {
	keyring.drop();
	pendingKey = null;
	await wipeDevice();
	await values.signInRequired.set(true);
	await recordLockEvent('wipe');
}

export async function lockPolicy(): Promise<LockPolicy> {
	const stored = await values.lockPolicy.get();
	const policy = { ...DEFAULT_LOCK_POLICY, ...stored };
	return { ...policy, idleMinutes: Math.min(Math.max(1, policy.idleMinutes), MAX_IDLE_MINUTES) };
}

export async function setLockPolicy(policy: LockPolicy): Promise<void> {
	const idleMinutes = Math.min(Math.max(1, Math.round(policy.idleMinutes)), MAX_IDLE_MINUTES);
	await values.lockPolicy.set({ ...policy, idleMinutes });
}

export async function recordLockEvent(kind: LockEvent['kind']): Promise<void> {
	await database().lockEvents.add({ kind, at: new Date().toISOString() });
}

/** The data has outlived its shift: the last sync is older than the policy allows. */
export async function isExpired(now = Date.now()): Promise<boolean> {
	const last = await lastSyncedAt.get();
	if (!last) return false;
	const { expiryHours } = await lockPolicy();
	return now - Date.parse(last) > expiryHours * 3_600_000;
}
