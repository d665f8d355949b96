import { z } from 'zod';
import { sealKeySchema } from '$lib/domain/sealed';
import type { CaseloadOrder } from './caseload-order-store';
import type { LockPolicy, UnlockRecord } from './crypto/unlock-record';
import { storedValue } from './meta';

/** What locking, unlocking, sealing and the chain keep on the device (issue 8). */

const bytes = z.custom<Uint8Array<ArrayBuffer>>((v) => v instanceof Uint8Array);
const wrapped = { iv: bytes, wrapped: bytes };
const unlockRecordSchema: z.ZodType<UnlockRecord> = z.object({
	v: z.literal(1),
	passphrase: z.object({
		...wrapped,
		salt: bytes,
		params: z.object({ m: z.number().int(), t: z.number().int(), p: z.number().int() })
	}),
	passkey: z.object({ ...wrapped, credentialId: bytes, prfSalt: bytes, hkdfSalt: bytes }).optional()
});

/** The data key wrapped by each way of unlocking; never the key itself. */
export const unlock = storedValue('unlock', unlockRecordSchema, { critical: true });
export const lockPolicy = storedValue<LockPolicy>(
	'lockPolicy',
	z.object({ idleMinutes: z.number(), expiryHours: z.number() })
);
/** Failed unlocks since the last success; counted before each try, so reloads don't reset it. */
export const failedUnlocks = storedValue('failedUnlocks', z.number().int().nonnegative(), {
	critical: true
});
/** Set by a wipe: only an online sign-in with a password opens this device again. */
export const signInRequired = storedValue('signInRequired', z.boolean());
/** The server's public key that finalised visits are sealed to (from sign-in). */
export const sealKey = storedValue('sealKey', sealKeySchema);
/** The hash of this device's last finalised visit: the next one chains to it. */
export const chainHead = storedValue('chainHead', z.string().regex(/^[0-9a-f]{64}$/), {
	critical: true
});
/**
 * A list of [sortKey, id] pairs, checked by one plain loop: the list has an entry per subject and
 * is written with every page of a download, and a tuple schema's per-entry work was half a
 * second of main-thread time per 10,000-subject download (profiled in `npm run bench:caseload`).
 */
function isCaseloadOrder(v: unknown): v is CaseloadOrder {
	return (
		Array.isArray(v) &&
		v.every(
			(e) =>
				Array.isArray(e) && e.length === 2 && typeof e[0] === 'string' && typeof e[1] === 'string'
		)
	);
}

/** [sortKey, id] in the caseload's default order (encrypted: sort keys hold names). */
export const caseloadOrder = storedValue<CaseloadOrder>(
	'caseloadOrder',
	z.custom<CaseloadOrder>(isCaseloadOrder)
);
/** Written with every new caseload order: tells a context whether the order it holds is current. */
export const caseloadOrderStamp = storedValue('caseloadOrderStamp', z.uuid());
