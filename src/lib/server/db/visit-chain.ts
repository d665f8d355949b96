import type { Db } from './connection';
import { isIn, readByKeys } from './lists';

/**
 * Server-side facts about per-device visit hash chains. The chain status is the server's
 * verification result, not part of the evidence, so it alone may change after the visit is
 * stored: a "gap" becomes "ok" when the missing predecessor arrives later.
 */

/** Of `hashes`, those a stored visit from this device carries. */
export async function knownHashes(
	db: Db,
	deviceId: string,
	hashes: string[]
): Promise<Set<string>> {
	const rows = await readByKeys(db, hashes, (part) =>
		db
			.selectFrom('visits')
			.select('hash')
			.where('device_id', '=', deviceId)
			.where(isIn(db, 'hash', part))
			.execute()
	);
	return new Set(rows.flatMap((r) => (r.hash ? [r.hash] : [])));
}

/** Of `prevHashes`, those a stored visit from this device already links to (a fork if again). */
export async function linkedPrevHashes(
	db: Db,
	deviceId: string,
	prevHashes: string[]
): Promise<Set<string>> {
	const rows = await readByKeys(db, prevHashes, (part) =>
		db
			.selectFrom('visits')
			.select('prev_hash')
			.where('device_id', '=', deviceId)
			.where(isIn(db, 'prev_hash', part))
			.execute()
	);
	return new Set(rows.flatMap((r) => (r.prev_hash ? [r.prev_hash] : [])));
}

export async function hasChainedVisits(db: Db, deviceId: string): Promise<boolean> {
	const row = await db
		.selectFrom('visits')
		.select('id')
		.where('device_id', '=', deviceId)
		.where('hash', 'is not', null)
		.limit(1)
		.executeTakeFirst();
	return row !== undefined;
}

/** Visits flagged "gap" whose missing predecessor is one of `hashes`: now linked. */
export async function closeGaps(db: Db, deviceId: string, hashes: string[]): Promise<void> {
	if (hashes.length === 0) return;
	await readByKeys(db, hashes, async (part) => {
		await db
			.updateTable('visits')
			.set({ chain_status: 'ok' })
			.where('device_id', '=', deviceId)
			.where('chain_status', '=', 'gap')
			.where(isIn(db, 'prev_hash', part))
			.execute();
		return [];
	});
}
