import { z } from 'zod';
import { idSchema } from './common';
import { fromBase64Url, toBase64Url, utf8 } from './bytes';
import { mutationSchema } from './sync';

/**
 * Sealing: a finalised visit is encrypted to the server's public key so that a wipe of the
 * device's readable data never destroys evidence. Whoever holds the tablet cannot open a sealed
 * item (the private key never leaves the server), but the device can still deliver it.
 *
 * Scheme (ECIES over WebCrypto only): an ephemeral ECDH P-256 key pair per item; the shared
 * secret goes through HKDF-SHA-256 (salt 32 zero bytes, info "fieldcheck-seal-v1") to an
 * AES-256-GCM key; AAD binds the item to its device and visit, so an envelope cannot be replayed
 * under another visit id or from another device.
 */

export const SEAL_INFO = 'fieldcheck-seal-v1';
const b64url = z.string().regex(/^[A-Za-z0-9_-]*$/, 'base64url');

export const sealJwkSchema = z.looseObject({
	kty: z.literal('EC'),
	crv: z.literal('P-256'),
	x: b64url.length(43),
	y: b64url.length(43)
});

/** The server's public key as devices receive it (sign-in response and GET /api/me). */
export const sealKeySchema = z.strictObject({ kid: z.string().min(1).max(64), jwk: sealJwkSchema });
export type SealKey = z.infer<typeof sealKeySchema>;

export const sealedEnvelopeSchema = z.strictObject({
	v: z.literal(1),
	kid: z.string().min(1).max(64),
	epk: z.strictObject({
		kty: z.literal('EC'),
		crv: z.literal('P-256'),
		x: b64url.length(43),
		y: b64url.length(43)
	}),
	/** 12 bytes. */
	iv: b64url.length(16),
	ct: b64url.min(22)
});
export type SealedEnvelope = z.infer<typeof sealedEnvelopeSchema>;

/** AAD of a sealed visit: which device sealed which visit. */
export function sealedVisitAad(deviceId: string, visitId: string): string {
	return `${SEAL_INFO}|${deviceId}|${visitId}`;
}

export const sealedPhotoSchema = z.strictObject({
	id: idSchema,
	sha256: z.string().regex(/^[0-9a-f]{64}$/),
	mime: z.enum(['image/jpeg', 'image/webp', 'image/png']),
	dataBase64: z.string()
});

/** What a sealed visit decrypts to: the exact push mutation, and its photos' bytes. */
export const sealedVisitSchema = z.strictObject({
	mutation: mutationSchema,
	photos: z.array(sealedPhotoSchema).max(20)
});
export type SealedVisit = z.infer<typeof sealedVisitSchema>;

const EC = { name: 'ECDH', namedCurve: 'P-256' } as const;

/** The AES-GCM key both sides derive from one ECDH agreement. */
export async function deriveSealKey(
	privateKey: CryptoKey,
	publicKey: CryptoKey,
	usage: 'encrypt' | 'decrypt'
): Promise<CryptoKey> {
	const subtle = globalThis.crypto.subtle;
	const shared = await subtle.deriveBits({ name: 'ECDH', public: publicKey }, privateKey, 256);
	const ikm = await subtle.importKey('raw', shared, 'HKDF', false, ['deriveKey']);
	return subtle.deriveKey(
		{ name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(32), info: utf8(SEAL_INFO) },
		ikm,
		{ name: 'AES-GCM', length: 256 },
		false,
		[usage]
	);
}

export function importSealPublicKey(jwk: JsonWebKey): Promise<CryptoKey> {
	const { kty, crv, x, y } = jwk;
	return globalThis.crypto.subtle.importKey('jwk', { kty, crv, x, y }, EC, false, []);
}

/** Encrypts `bytes` to the server's key. Only the server can open the result. */
export async function sealBytes(
	publicKey: SealKey,
	aad: string,
	bytes: Uint8Array
): Promise<SealedEnvelope> {
	const subtle = globalThis.crypto.subtle;
	const recipient = await importSealPublicKey(publicKey.jwk);
	const eph = await subtle.generateKey(EC, true, ['deriveBits']);
	const key = await deriveSealKey(eph.privateKey, recipient, 'encrypt');
	const iv = globalThis.crypto.getRandomValues(new Uint8Array(12));
	const ct = await subtle.encrypt(
		{ name: 'AES-GCM', iv, additionalData: utf8(aad) },
		key,
		bytes as Uint8Array<ArrayBuffer>
	);
	const epk = await subtle.exportKey('jwk', eph.publicKey);
	return {
		v: 1,
		kid: publicKey.kid,
		epk: { kty: 'EC', crv: 'P-256', x: epk.x ?? '', y: epk.y ?? '' },
		iv: toBase64Url(iv),
		ct: toBase64Url(new Uint8Array(ct))
	};
}

/** Convenience for the device: seal a JSON value (e.g. a SealedVisit). */
export function sealJson(publicKey: SealKey, aad: string, value: unknown): Promise<SealedEnvelope> {
	return sealBytes(publicKey, aad, utf8(JSON.stringify(value)));
}

/** Used by the server's openBytes; kept here so both halves decode envelopes identically. */
export function envelopeParts(envelope: SealedEnvelope): {
	iv: Uint8Array<ArrayBuffer>;
	ct: Uint8Array<ArrayBuffer>;
} {
	return { iv: fromBase64Url(envelope.iv), ct: fromBase64Url(envelope.ct) };
}

/** Largest POST /api/sync/sealed body: one visit with its photos, base64 twice over. */
export const MAX_SEALED_BYTES = 48 * 1024 * 1024;

/** POST /api/sync/sealed: send one item per request when it carries photos. */
export const sealedDeliverySchema = z.strictObject({
	protocolVersion: z.number().int(),
	/** The device that sealed the items (it may have been wiped and signed in again since). */
	deviceId: idSchema,
	items: z
		.array(z.strictObject({ id: idSchema, envelope: sealedEnvelopeSchema }))
		.min(1)
		.max(50)
});
export type SealedDelivery = z.infer<typeof sealedDeliverySchema>;

export const sealedResultStatuses = ['applied', 'duplicate', 'quarantined', 'rejected'] as const;

/**
 * The device deletes a sealed item once its result is applied, duplicate or quarantined; a
 * rejected one is kept (it cannot be read on the device, but it can be exported for handling).
 */
export const sealedResultSchema = z.strictObject({
	id: idSchema,
	status: z.enum(sealedResultStatuses),
	code: z.string().optional(),
	message: z.string().optional()
});
export type SealedResult = z.infer<typeof sealedResultSchema>;

export const sealedDeliveryResponseSchema = z.strictObject({
	results: z.array(sealedResultSchema)
});
