/** How the data key is kept at rest: only ever wrapped, once per way of unlocking. */
export interface WrappedKey {
	iv: Uint8Array<ArrayBuffer>;
	wrapped: Uint8Array<ArrayBuffer>;
}

export interface Argon2Params {
	/** Memory in KiB. */
	m: number;
	t: number;
	p: number;
}

export interface PassphraseWrap extends WrappedKey {
	salt: Uint8Array<ArrayBuffer>;
	params: Argon2Params;
}

export interface PasskeyWrap extends WrappedKey {
	credentialId: Uint8Array<ArrayBuffer>;
	/** Sent to the authenticator's PRF: its output is a secret only that passkey can produce. */
	prfSalt: Uint8Array<ArrayBuffer>;
	hkdfSalt: Uint8Array<ArrayBuffer>;
}

export interface UnlockRecord {
	v: 1;
	passphrase: PassphraseWrap;
	passkey?: PasskeyWrap;
}

export interface LockPolicy {
	/** Locks after this long without a touch or key press (default 10, at most 30). */
	idleMinutes: number;
	/** The caseload locks when the last sync is older than this (default 24). */
	expiryHours: number;
}

export const DEFAULT_LOCK_POLICY: LockPolicy = { idleMinutes: 10, expiryHours: 24 };
export const MAX_IDLE_MINUTES = 30;
export const MIN_PASSPHRASE_LENGTH = 10;
export const MAX_FAILED_UNLOCKS = 5;

/**
 * Argon2id at OWASP's recommended minimum (m=19 MiB, t=2, p=1): in Chromium's WebAssembly on
 * this shared machine a 46 MiB setting took over a second under load, beyond the one second an
 * officer may wait to unlock. Stored with each wrap, so it can rise without a migration.
 */
export const ARGON2_PARAMS: Argon2Params = { m: 19_456, t: 2, p: 1 };
