import { randomBytes } from 'node:crypto';
import type { Db } from '../db/connection';

const loaded = new WeakMap<Db, Map<string, Promise<Buffer>>>();

/**
 * A random 32-byte server secret by name, created on first use and kept in the database (so
 * it survives restarts and is shared by every server process on that database).
 */
export function serverSecret(db: Db, name: string): Promise<Buffer> {
	let byName = loaded.get(db);
	if (!byName) loaded.set(db, (byName = new Map()));
	let secret = byName.get(name);
	if (!secret) {
		secret = loadOrCreate(db, name);
		secret.catch(() => byName.delete(name));
		byName.set(name, secret);
	}
	return secret;
}

async function loadOrCreate(db: Db, name: string): Promise<Buffer> {
	await db
		.insertInto('server_secrets')
		.values({
			name,
			value: randomBytes(32).toString('base64'),
			created_at: new Date().toISOString()
		})
		.onConflict((oc) => oc.column('name').doNothing())
		.execute();
	const row = await db
		.selectFrom('server_secrets')
		.select('value')
		.where('name', '=', name)
		.executeTakeFirstOrThrow();
	return Buffer.from(row.value, 'base64');
}
