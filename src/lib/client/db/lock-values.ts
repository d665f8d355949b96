import { z } from 'zod';
import { sealKeySchema } from '$lib/domain/sealed';
import type { CaseloadEntry } from '$lib/domain/caseload-entry';
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

/**
 * [sortKey, id] in the caseload's default order (encrypted: sort keys hold names). Not parsed by
 * the start-up check: a damaged list is never used (its readers sort the whole caseload instead),
 * and walking 10,000 entries there delayed the first screen.
 */
export const caseloadOrder = storedValue<CaseloadOrder>(
	'caseloadOrder',
	z.custom<CaseloadOrder>(isCaseloadOrder),
	{ checkedAtStart: false }
);
/** How many ids of the order's start are kept beside it, for the first screen. */
export const caseloadHeadLength = 100;
/**
 * Written with every new caseload order, in the same transaction: a random stamp that tells a
 * context whether the order it holds is current, and the order's first ids, so that the first
 * screen after a cold start decrypts this small row and not the whole list.
 */
export const caseloadOrderHead = storedValue(
	'caseloadOrderHead',
	z.object({ stamp: z.uuid(), first: z.array(z.string()).max(caseloadHeadLength) })
);

/** How many subjects of the order's start are kept, as list entries, for the first screen. */
export const caseloadScreenLength = 50;
/**
 * Entries the store built from rows it had checked against the feed's contract: a light check
 * of their shape, as for the rows themselves, not the full schema, which would cost the first
 * screen more than the copy saves.
 */
function isEntryList(v: unknown): v is CaseloadEntry[] {
	return (
		Array.isArray(v) &&
		v.every((e) => {
			const entry = e as { subject?: { id?: unknown }; orders?: unknown } | null;
			return typeof entry?.subject?.id === 'string' && Array.isArray(entry.orders);
		})
	);
}
/**
 * The list entries (domain/caseload-entry.ts) of the first subjects of the default order,
 * under the stamp of the head they were written with: the first screen after a cold start reads
 * this one row with the head and decrypts two rows instead of fifty. Fifty entries of the demo
 * data are 23–30 kB, under the 64 KiB above which Chromium keeps a value as a blob file of its
 * own (read back in a second step: slower, still correct, for unusually long names and aliases).
 * A copy whose stamp is not the head's (another context wrote since, or an older build) is not
 * used. Not parsed by the start-up check: its readers fall back to the rows themselves.
 */
export const caseloadScreen = storedValue(
	'caseloadScreen',
	z.object({ stamp: z.uuid(), entries: z.custom<CaseloadEntry[]>(isEntryList) }),
	{ checkedAtStart: false }
);
