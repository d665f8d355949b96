import { toBase64Url, utf8 } from '$lib/domain/bytes';
import {
	deriveSealKey,
	envelopeParts,
	importSealPublicKey,
	type SealedEnvelope,
	type SealKey
} from '$lib/domain/sealed';
import type { Db } from '../db/connection';

/**
 * The server's sealing key pair (domain/sealed.ts). Generated on first start and kept only in
 * the server database: the private JWK is never sent, logged or exported. Devices get the
 * public half as `sealKey` in the sign-in response and GET /api/me.
 */

const PURPOSE = 'seal';
const EC = { name: 'ECDH', namedCurve: 'P-256' } as const;

interface KeyPair {
	publicKey: SealKey;
	privateKey: CryptoKey;
}

const loaded = new WeakMap<Db, Promise<KeyPair>>();

export function sealKeyPair(db: Db): Promise<KeyPair> {
	let pair = loaded.get(db);
	if (!pair) {
		pair = loadOrCreate(db);
		pair.catch(() => loaded.delete(db));
		loaded.set(db, pair);
	}
	return pair;
}

/** What devices seal to. */
export async function publicSealKey(db: Db): Promise<SealKey> {
	return (await sealKeyPair(db)).publicKey;
}

async function loadOrCreate(db: Db): Promise<KeyPair> {
	let row = await db
		.selectFrom('server_keys')
		.selectAll()
		.where('purpose', '=', PURPOSE)
		.orderBy('created_at', 'desc')
		.executeTakeFirst();
	if (!row) {
		const subtle = globalThis.crypto.subtle;
		const pair = await subtle.generateKey(EC, true, ['deriveBits']);
		const pub = await subtle.exportKey('jwk', pair.publicKey);
		const priv = await subtle.exportKey('jwk', pair.privateKey);
		const kid = toBase64Url(globalThis.crypto.getRandomValues(new Uint8Array(9)));
		// Two processes starting at once: the first insert wins and both read it back.
		await db
			.insertInto('server_keys')
			.values({
				kid,
				purpose: PURPOSE,
				public_jwk: JSON.stringify({ kty: pub.kty, crv: pub.crv, x: pub.x, y: pub.y }),
				private_jwk: JSON.stringify(priv),
				created_at: new Date().toISOString()
			})
			.onConflict((oc) => oc.doNothing())
			.execute();
		row = await db
			.selectFrom('server_keys')
			.selectAll()
			.where('purpose', '=', PURPOSE)
			.orderBy('created_at', 'desc')
			.executeTakeFirstOrThrow();
	}
	const privateKey = await globalThis.crypto.subtle.importKey(
		'jwk',
		JSON.parse(row.private_jwk) as JsonWebKey,
		EC,
		false,
		['deriveBits']
	);
	return { publicKey: { kid: row.kid, jwk: JSON.parse(row.public_jwk) }, privateKey };
}

export class SealOpenError extends Error {
	constructor(readonly code: 'unknown-seal-key' | 'seal-open-failed') {
		super(code);
	}
}

/** Decrypts an envelope sealed to this server; throws SealOpenError if it cannot. */
export async function openBytes(
	pair: KeyPair,
	aad: string,
	envelope: SealedEnvelope
): Promise<Uint8Array> {
	if (envelope.kid !== pair.publicKey.kid) throw new SealOpenError('unknown-seal-key');
	try {
		const epk = await importSealPublicKey(envelope.epk);
		const key = await deriveSealKey(pair.privateKey, epk, 'decrypt');
		const { iv, ct } = envelopeParts(envelope);
		const plain = await globalThis.crypto.subtle.decrypt(
			{ name: 'AES-GCM', iv, additionalData: utf8(aad) },
			key,
			ct
		);
		return new Uint8Array(plain);
	} catch {
		// A wrong AAD, a changed byte or a point not on the curve all look the same from here.
		throw new SealOpenError('seal-open-failed');
	}
}
