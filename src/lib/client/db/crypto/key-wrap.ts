import { argon2id } from 'hash-wasm';
import type { Argon2Params, PasskeyWrap, PassphraseWrap, WrappedKey } from './unlock-record';

/**
 * The key hierarchy: a random AES-256-GCM data key encrypts every row; it is stored only
 * wrapped (AES-GCM) by a key-encryption key derived from the passphrase (Argon2id) or from a
 * passkey's PRF output (HKDF-SHA-256). A wrong passphrase fails the GCM tag: there is no
 * verifier to attack offline other than the wrap itself, at Argon2id's cost per guess.
 */
const subtle = () => globalThis.crypto.subtle;
const random = (n: number) => globalThis.crypto.getRandomValues(new Uint8Array(n));
const label = (what: string) => new TextEncoder().encode(`fieldcheck-dk-v1|${what}`);
const AES = { name: 'AES-GCM', length: 256 } as const;

export class WrongSecretError extends Error {
	readonly code = 'unlock-failed';
	constructor() {
		super('That did not unlock this device');
	}
}

/** A new data key: extractable only until it is wrapped (see lockedCopy). */
export function newDataKey(): Promise<CryptoKey> {
	return subtle().generateKey(AES, true, ['encrypt', 'decrypt']);
}

/** A non-extractable copy of the data key: what stays in memory while unlocked. */
export async function lockedCopy(dataKey: CryptoKey): Promise<CryptoKey> {
	const raw = new Uint8Array(await subtle().exportKey('raw', dataKey));
	try {
		return await subtle().importKey('raw', raw, AES, false, ['encrypt', 'decrypt']);
	} finally {
		raw.fill(0);
	}
}

async function wrap(dataKey: CryptoKey, kek: CryptoKey, what: string): Promise<WrappedKey> {
	const iv = random(12);
	const params = { name: 'AES-GCM', iv, additionalData: label(what) };
	const wrapped = new Uint8Array(await subtle().wrapKey('raw', dataKey, kek, params));
	return { iv, wrapped };
}

async function unwrap(w: WrappedKey, kek: CryptoKey, what: string): Promise<CryptoKey> {
	const params = { name: 'AES-GCM', iv: w.iv, additionalData: label(what) };
	try {
		return await subtle().unwrapKey('raw', w.wrapped, kek, params, AES, false, [
			'encrypt',
			'decrypt'
		]);
	} catch {
		throw new WrongSecretError();
	}
}

async function passphraseKek(
	passphrase: string,
	salt: Uint8Array<ArrayBuffer>,
	params: Argon2Params
): Promise<CryptoKey> {
	const derived = await argon2id({
		password: passphrase.normalize('NFC'),
		salt,
		parallelism: params.p,
		iterations: params.t,
		memorySize: params.m,
		hashLength: 32,
		outputType: 'binary'
	});
	const bytes: Uint8Array<ArrayBuffer> = new Uint8Array(derived);
	try {
		return await subtle().importKey('raw', bytes, 'AES-GCM', false, ['wrapKey', 'unwrapKey']);
	} finally {
		derived.fill(0);
		bytes.fill(0);
	}
}

export async function wrapWithPassphrase(
	dataKey: CryptoKey,
	passphrase: string,
	params: Argon2Params
): Promise<PassphraseWrap> {
	const salt = random(16);
	const kek = await passphraseKek(passphrase, salt, params);
	return { salt, params, ...(await wrap(dataKey, kek, 'passphrase')) };
}

export async function unwrapWithPassphrase(w: PassphraseWrap, passphrase: string) {
	return unwrap(w, await passphraseKek(passphrase, w.salt, w.params), 'passphrase');
}

async function prfKek(prfOutput: BufferSource, hkdfSalt: Uint8Array<ArrayBuffer>) {
	const ikm = await subtle().importKey('raw', prfOutput, 'HKDF', false, ['deriveKey']);
	return subtle().deriveKey(
		{ name: 'HKDF', hash: 'SHA-256', salt: hkdfSalt, info: label('passkey-prf') },
		ikm,
		AES,
		false,
		['wrapKey', 'unwrapKey']
	);
}

export async function wrapWithPrf(
	dataKey: CryptoKey,
	prfOutput: BufferSource,
	passkey: Pick<PasskeyWrap, 'credentialId' | 'prfSalt'>
): Promise<PasskeyWrap> {
	const hkdfSalt = random(32);
	const kek = await prfKek(prfOutput, hkdfSalt);
	return { ...passkey, hkdfSalt, ...(await wrap(dataKey, kek, 'passkey')) };
}

export async function unwrapWithPrf(w: PasskeyWrap, prfOutput: BufferSource) {
	return unwrap(w, await prfKek(prfOutput, w.hkdfSalt), 'passkey');
}
