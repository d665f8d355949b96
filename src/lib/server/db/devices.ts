import type { Db } from './connection';
import { engineOf } from './engine';

export interface Device {
	id: string;
	userId: string;
	lastSeq: number;
	revoked: boolean;
}

export async function find(db: Db, id: string): Promise<Device | undefined> {
	const row = await db.selectFrom('devices').selectAll().where('id', '=', id).executeTakeFirst();
	return (
		row && {
			id: row.id,
			userId: row.user_id,
			lastSeq: row.last_seq,
			revoked: row.revoked_at !== null
		}
	);
}

/** A device belongs to the officer whose push first named it. */
export async function register(
	db: Db,
	id: string,
	userId: string,
	now = new Date()
): Promise<Device> {
	await db
		.insertInto('devices')
		.values({ id, user_id: userId, last_seq: 0, registered_at: now.toISOString() })
		.execute();
	return { id, userId, lastSeq: 0, revoked: false };
}

/**
 * The device's row, registering it to `userId` if it is new, locked until the caller's
 * transaction ends: two servers handed the same push at the same moment take turns here, and
 * the second sees the first's `last_seq`. PostgreSQL: SELECT … FOR UPDATE (the insert waits
 * for a concurrent one of the same id, then does nothing). SQLite: the writing transaction's
 * BEGIN IMMEDIATE already holds the database's one write lock.
 */
export async function claim(db: Db, id: string, userId: string, now = new Date()): Promise<Device> {
	await db
		.insertInto('devices')
		.values({ id, user_id: userId, last_seq: 0, registered_at: now.toISOString() })
		.onConflict((oc) => oc.column('id').doNothing())
		.execute();
	const row = await db
		.selectFrom('devices')
		.selectAll()
		.where('id', '=', id)
		.$if(engineOf(db) === 'postgres', (qb) => qb.forUpdate())
		.executeTakeFirstOrThrow();
	return {
		id: row.id,
		userId: row.user_id,
		lastSeq: row.last_seq,
		revoked: row.revoked_at !== null
	};
}

export async function setLastSeq(db: Db, id: string, lastSeq: number): Promise<void> {
	await db.updateTable('devices').set({ last_seq: lastSeq }).where('id', '=', id).execute();
}

/** A lost tablet: its pushes are refused from now on (the administrator screen comes later). */
export async function revoke(db: Db, id: string, now = new Date()): Promise<boolean> {
	const res = await db
		.updateTable('devices')
		.set({ revoked_at: now.toISOString() })
		.where('id', '=', id)
		.where('revoked_at', 'is', null)
		.executeTakeFirst();
	return Number(res.numUpdatedRows) > 0;
}
