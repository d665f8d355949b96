import { createHash } from 'node:crypto';
import { sql, type Selectable } from 'kysely';
import { nextSeq, takeSeqs, type Db } from './connection';
import { engineOf } from './engine';
import { isIn, readByKeys } from './lists';
import type { PhotosTable } from './schema';

export interface PhotoRecord {
	id: string;
	sha256: string;
	bytes: number;
	mimeType: string;
	/** Bytes held, contiguous from 0. */
	received: number;
	complete: boolean;
}

export interface NewPhoto {
	id: string;
	sha256: string;
	bytes: number;
	mimeType: string;
}

type PhotoRow = Pick<
	Selectable<PhotosTable>,
	'id' | 'sha256' | 'bytes' | 'mime_type' | 'received' | 'completed_at'
>;

function toRecord(row: PhotoRow): PhotoRecord {
	return {
		id: row.id,
		sha256: row.sha256,
		bytes: row.bytes,
		mimeType: row.mime_type,
		// Photos completed before `received` was set on completion hold the last chunk's start.
		received: row.completed_at !== null ? row.bytes : row.received,
		complete: row.completed_at !== null
	};
}

export async function findByIds(db: Db, ids: string[]): Promise<PhotoRecord[]> {
	const rows = await readByKeys(db, ids, (part) =>
		db
			.selectFrom('photos')
			.selectAll()
			.where(isIn(db, 'id', part))
			.execute()
	);
	return rows.map(toRecord);
}

/** Photos named by newly accepted visits; one already known (an amendment's) is left as it is. */
export async function insertMany(db: Db, photos: NewPhoto[], now = new Date()): Promise<void> {
	for (let i = 0; i < photos.length; i += 200) {
		await db
			.insertInto('photos')
			.values(
				photos.slice(i, i + 200).map((p) => ({
					id: p.id,
					sha256: p.sha256,
					bytes: p.bytes,
					mime_type: p.mimeType,
					created_at: now.toISOString()
				}))
			)
			.onConflict((oc) => oc.column('id').doNothing())
			.execute();
	}
}

export async function linkMany(
	db: Db,
	links: { visitId: string; photoId: string }[]
): Promise<void> {
	for (let i = 0; i < links.length; i += 400) {
		await db
			.insertInto('visit_photos')
			.values(links.slice(i, i + 400).map((l) => ({ visit_id: l.visitId, photo_id: l.photoId })))
			.onConflict((oc) => oc.columns(['visit_id', 'photo_id']).doNothing())
			.execute();
	}
}

/** Photos this officer's visits refer to: the one query behind both look-ups below. */
function officersPhoto(db: Db, photoId: string, officerId: string) {
	return db
		.selectFrom('photos as p')
		.innerJoin('visit_photos as vp', 'vp.photo_id', 'p.id')
		.innerJoin('visits as v', 'v.id', 'vp.visit_id')
		.select(['p.id', 'p.sha256', 'p.bytes', 'p.mime_type', 'p.received', 'p.completed_at'])
		.where('p.id', '=', photoId)
		.where('v.officer_id', '=', officerId);
}

/**
 * The photo, if this officer recorded a visit that refers to it (and, when given, that visit);
 * undefined otherwise, so nobody learns of photos that are not theirs.
 */
export async function findForOfficer(
	db: Db,
	photoId: string,
	officerId: string,
	visitId?: string
): Promise<PhotoRecord | undefined> {
	const row = await officersPhoto(db, photoId, officerId)
		.$if(visitId !== undefined, (qb) => qb.where('v.id', '=', visitId!))
		.executeTakeFirst();
	return row && toRecord(row);
}

/**
 * `findForOfficer`, with the photo's row locked until the caller's transaction ends (PostgreSQL;
 * on SQLite the writing transaction holds the one write lock already), so two uploads of the same
 * chunk, on two servers, take turns and the second sees the first's progress.
 */
export async function findForOfficerLocked(
	db: Db,
	photoId: string,
	officerId: string
): Promise<PhotoRecord | undefined> {
	const row = await officersPhoto(db, photoId, officerId)
		.$if(engineOf(db) === 'postgres', (qb) => qb.forUpdate('p'))
		.executeTakeFirst();
	return row && toRecord(row);
}

/** Keeps a chunk that does not end the photo, and moves `received` past it. */
export async function addChunk(
	db: Db,
	photoId: string,
	offset: number,
	data: Buffer
): Promise<void> {
	const chunk = { photo_id: photoId, offset, data };
	const received = offset + data.byteLength;
	if (engineOf(db) === 'postgres') {
		// One round trip: the insert rides along as a data-modifying WITH.
		await db
			.with('chunk', (qc) => qc.insertInto('photo_chunks').values(chunk))
			.updateTable('photos')
			.set({ received })
			.where('id', '=', photoId)
			.execute();
		return;
	}
	await db.insertInto('photo_chunks').values(chunk).execute();
	await db.updateTable('photos').set({ received }).where('id', '=', photoId).execute();
}

/**
 * The upload's last chunk: the held chunks and `last`, in order, must hash to `sha256`. On a
 * match the content is stored (once per hash) and the photo marked complete; otherwise the partial
 * upload is thrown away (the client starts again from byte 0). Answers whether it matched.
 */
export async function completeUpload(
	db: Db,
	photoId: string,
	sha256: string,
	last: Buffer,
	now = new Date()
): Promise<boolean> {
	if (engineOf(db) === 'postgres') return completeInPostgres(db, photoId, sha256, last, now);
	const content = Buffer.concat([...(await readChunks(db, photoId)), last]);
	if (createHash('sha256').update(content).digest('hex') !== sha256) {
		await discardUpload(db, photoId);
		return false;
	}
	await complete(db, photoId, sha256, content, now);
	return true;
}

/**
 * PostgreSQL (11+ has sha256()): the held chunks are joined, hashed and, on a match, stored as
 * the blob inside the database, and deleted either way, in one statement, so the photo's bytes
 * never travel back to this server. The same check as on SQLite: the hash of every byte, in order.
 */
async function completeInPostgres(
	db: Db,
	photoId: string,
	sha256: string,
	last: Buffer,
	now: Date
): Promise<boolean> {
	const at = now.toISOString();
	const { rows } = await sql<{ sha256: string; bytes: number }>`
		with content as (
			select coalesce(string_agg(data, ''::bytea order by "offset"), ''::bytea) || ${last}::bytea as data
			from photo_chunks where photo_id = ${photoId}
		), hashed as (
			select data, encode(sha256(data), 'hex') as sha256 from content
		), stored as (
			insert into photo_blobs (sha256, bytes, data, stored_at)
			select sha256, length(data), data, ${at} from hashed where sha256 = ${sha256}
			on conflict (sha256) do nothing
		), dropped as (
			delete from photo_chunks where photo_id = ${photoId}
		)
		select sha256, length(data) as bytes from hashed`.execute(db);
	const content = rows[0]!;
	if (content.sha256 !== sha256) {
		await discardUpload(db, photoId);
		return false;
	}
	await markComplete(db, photoId, content.bytes, at);
	return true;
}

async function readChunks(db: Db, photoId: string): Promise<Buffer[]> {
	const rows = await db
		.selectFrom('photo_chunks')
		.select('data')
		.where('photo_id', '=', photoId)
		.orderBy('offset')
		.execute();
	return rows.map((r) => r.data);
}

/** Throws the partial upload away: the client starts again from byte 0. */
async function discardUpload(db: Db, photoId: string): Promise<void> {
	await db.deleteFrom('photo_chunks').where('photo_id', '=', photoId).execute();
	await db.updateTable('photos').set({ received: 0 }).where('id', '=', photoId).execute();
}

/** Stores the verified content once per hash and marks the photo complete. */
export async function complete(
	db: Db,
	photoId: string,
	sha256: string,
	content: Buffer,
	now = new Date()
): Promise<void> {
	await db
		.insertInto('photo_blobs')
		.values({ sha256, bytes: content.byteLength, data: content, stored_at: now.toISOString() })
		.onConflict((oc) => oc.column('sha256').doNothing())
		.execute();
	await db.deleteFrom('photo_chunks').where('photo_id', '=', photoId).execute();
	await markComplete(db, photoId, content.byteLength, now.toISOString());
}

async function markComplete(db: Db, photoId: string, bytes: number, at: string): Promise<void> {
	// Last: the change counter stays locked from here until commit (see reserveSeqs), so the
	// photo's bytes are written before it is taken, not while every other writer waits.
	if (engineOf(db) === 'postgres') {
		// One round trip: the counter is taken in the update's WITH.
		const row = await db
			.with('taken', () => takeSeqs(db, 1))
			.updateTable('photos')
			.set((eb) => ({
				completed_at: at,
				received: bytes,
				seq: eb.selectFrom('taken').select('value')
			}))
			.where('id', '=', photoId)
			.returning('seq')
			.executeTakeFirstOrThrow();
		if (row.seq === null) throw new Error('The change counter is missing');
		return;
	}
	const seq = await nextSeq(db);
	await db
		.updateTable('photos')
		.set({ completed_at: at, received: bytes, seq })
		.where('id', '=', photoId)
		.execute();
}
