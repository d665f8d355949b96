import { z } from 'zod';
import { instantSchema } from '$lib/domain/common';
import { database } from './database';
import { storedValue } from './meta';

/** Where this device stands in the sync protocol. */

/** The caseload feed's cursor: the next pull continues from here. */
export const cursor = storedValue('cursor', z.string());
export const lastSyncedAt = storedValue('lastSyncedAt', instantSchema);
export const lastPushAt = storedValue('lastPushAt', instantSchema);
/** This device's id in the sync protocol, created on first use. */
export const deviceIdValue = storedValue('deviceId', z.string().min(1), { critical: true });
/** The next per-device mutation sequence number (1, 2, 3…): a wrong one would lose visits. */
export const nextSeq = storedValue('nextSeq', z.number().int().positive(), { critical: true });

/** The device id, created once and kept with the data it numbers. */
export async function deviceId(): Promise<string> {
	const db = database();
	return db.transaction('rw', db.meta, async () => {
		const existing = await deviceIdValue.get();
		if (existing) return existing;
		const id = crypto.randomUUID();
		await deviceIdValue.set(id);
		return id;
	});
}
