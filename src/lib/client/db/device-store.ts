import { database } from './database';

/** Tables that survive every wipe: sealed visits (unreadable here) and lock events (nothing personal). */
const KEPT = new Set(['sealed', 'lockEvents']);

/**
 * Forgets everything readable on this device: used when a different officer signs in, on
 * sign-out, after too many failed unlocks, on revocation. Sealed visits stay, to be delivered
 * after the next sign-in; the device gets a new sync identity (sealed items keep their own).
 */
export async function wipeDevice(): Promise<void> {
	const db = database();
	const tables = db.tables.filter((t) => !KEPT.has(t.name));
	await db.transaction('rw', tables, async () => {
		for (const table of tables) await table.clear();
	});
}
