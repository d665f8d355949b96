import { database } from './database';

/**
 * Forgets everything on this device: used when a different officer signs in, and only once
 * nothing is waiting to be sent (the caller checks). The device gets a new sync identity.
 */
export async function wipeDevice(): Promise<void> {
	const db = database();
	await db.transaction('rw', db.tables, async () => {
		for (const table of db.tables) await table.clear();
	});
}
