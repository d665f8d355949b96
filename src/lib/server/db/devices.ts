import type { Db } from './connection';
import type { Selectable } from 'kysely';
import type { DevicesTable } from './schema';

export interface Device {
	id: string;
	userId: string;
	lastSeq: number;
	revoked: boolean;
}

export interface DeviceRecord extends Device {
	name: string | null;
	userAgent: string | null;
	firstSeenAt: string;
	lastSeenAt: string | null;
	revokedAt: string | null;
	revokeReason: 'lost' | 'revoked' | null;
	revokedBy: string | null;
}

function toRecord(row: Selectable<DevicesTable>): DeviceRecord {
	return {
		id: row.id,
		userId: row.user_id,
		lastSeq: row.last_seq,
		revoked: row.revoked_at !== null,
		name: row.name,
		userAgent: row.user_agent,
		firstSeenAt: row.registered_at,
		lastSeenAt: row.last_seen_at,
		revokedAt: row.revoked_at,
		revokeReason:
			row.revoke_reason === 'lost' || row.revoke_reason === 'revoked' ? row.revoke_reason : null,
		revokedBy: row.revoked_by
	};
}

export async function find(db: Db, id: string): Promise<DeviceRecord | undefined> {
	const row = await db.selectFrom('devices').selectAll().where('id', '=', id).executeTakeFirst();
	return row && toRecord(row);
}

/** A device belongs to the officer who first signed in on it (or whose push first named it). */
export async function register(
	db: Db,
	id: string,
	userId: string,
	now = new Date(),
	info: { name?: string | null; userAgent?: string | null } = {}
): Promise<DeviceRecord> {
	const at = now.toISOString();
	await db
		.insertInto('devices')
		.values({
			id,
			user_id: userId,
			last_seq: 0,
			registered_at: at,
			last_seen_at: at,
			name: info.name ?? null,
			user_agent: info.userAgent ?? null
		})
		.execute();
	return (await find(db, id))!;
}

/** Sign-in on a known device: its name and browser may have changed since. */
export async function signedIn(
	db: Db,
	id: string,
	info: { name: string | null; userAgent: string | null },
	now = new Date()
): Promise<void> {
	await db
		.updateTable('devices')
		.set({
			last_seen_at: now.toISOString(),
			user_agent: info.userAgent,
			...(info.name ? { name: info.name } : {})
		})
		.where('id', '=', id)
		.execute();
}

export async function touch(db: Db, id: string, now = new Date()): Promise<void> {
	await db
		.updateTable('devices')
		.set({ last_seen_at: now.toISOString() })
		.where('id', '=', id)
		.execute();
}

/**
 * The device's row, registering it to `userId` if it is new (a device belongs to the officer
 * whose push first named it), locked until the caller's transaction ends: two servers handed
 * the same push at the same moment take turns here, and the second sees the first's `last_seq`.
 * One statement on both engines: an insert whose conflict "updates" the row to itself, which on
 * PostgreSQL locks it (waiting for a concurrent insert of the same id) and returns it as stored.
 * On SQLite the writing transaction's BEGIN IMMEDIATE already holds the database's one write lock.
 */
export async function claim(
	db: Db,
	id: string,
	userId: string,
	now = new Date()
): Promise<DeviceRecord> {
	const row = await db
		.insertInto('devices')
		.values({
			id,
			user_id: userId,
			last_seq: 0,
			registered_at: now.toISOString(),
			last_seen_at: now.toISOString()
		})
		.onConflict((oc) => oc.column('id').doUpdateSet((eb) => ({ id: eb.ref('excluded.id') })))
		.returningAll()
		.executeTakeFirstOrThrow();
	return toRecord(row);
}

export async function setLastSeq(db: Db, id: string, lastSeq: number): Promise<void> {
	await db.updateTable('devices').set({ last_seq: lastSeq }).where('id', '=', id).execute();
}

/** A lost or revoked tablet. Ending its sessions is the caller's part (security/devices.ts). */
export async function revoke(
	db: Db,
	id: string,
	now = new Date(),
	by: string | null = null,
	reason: 'lost' | 'revoked' = 'revoked'
): Promise<boolean> {
	const res = await db
		.updateTable('devices')
		.set({ revoked_at: now.toISOString(), revoked_by: by, revoke_reason: reason })
		.where('id', '=', id)
		.where('revoked_at', 'is', null)
		.executeTakeFirst();
	return Number(res.numUpdatedRows) > 0;
}

export async function isRevoked(db: Db, id: string): Promise<boolean> {
	const row = await db
		.selectFrom('devices')
		.select('revoked_at')
		.where('id', '=', id)
		.executeTakeFirst();
	return row?.revoked_at != null;
}

/** Every device, newest contact first; `userIds` limits to some users (team scoping). */
export async function list(db: Db, userIds?: string[]): Promise<DeviceRecord[]> {
	let q = db.selectFrom('devices').selectAll();
	if (userIds) {
		if (userIds.length === 0) return [];
		q = q.where('user_id', 'in', userIds);
	}
	const rows = await q.orderBy('last_seen_at', 'desc').execute();
	return rows.map(toRecord);
}
