import { sql, type Insertable } from 'kysely';
import { insertRows } from './bulk';
import type { Db } from './connection';
import { greatest } from './engine';
import { isIn, readByKeys } from './lists';
import type { VisitsTable } from './schema';

export type VisitRow = Insertable<VisitsTable>;

export interface StoredVisit {
	id: string;
	subjectId: string;
	officerId: string;
	receivedAt: string;
	/** The visit as stored: canonical JSON of the parsed visit. */
	data: string;
}

export async function findByIds(db: Db, ids: string[]): Promise<StoredVisit[]> {
	const rows = await readByKeys(db, ids, (part) =>
		db
			.selectFrom('visits')
			.select(['id', 'subject_id', 'officer_id', 'received_at', 'data'])
			.where(isIn(db, 'id', part))
			.execute()
	);
	return rows.map((r) => ({
		id: r.id,
		subjectId: r.subject_id,
		officerId: r.officer_id,
		receivedAt: r.received_at,
		data: r.data
	}));
}

export interface AppliedMutation {
	deviceSeq: number;
	mutationId: string;
	visitId: string;
	receivedAt: string;
}

/** What earlier deliveries from this device applied, by the device's own sequence numbers. */
export async function findByDeviceSeqs(
	db: Db,
	deviceId: string,
	seqs: number[]
): Promise<AppliedMutation[]> {
	const rows = await readByKeys(db, seqs, (part) =>
		db
			.selectFrom('visits')
			.select(['device_seq', 'mutation_id', 'id', 'received_at'])
			.where('device_id', '=', deviceId)
			.where(isIn(db, 'device_seq', part))
			.execute()
	);
	return rows.map((r) => ({
		deviceSeq: r.device_seq,
		mutationId: r.mutation_id,
		visitId: r.id,
		receivedAt: r.received_at
	}));
}

/** Append-only: there is deliberately no update or delete in this module. */
export async function insertMany(db: Db, rows: VisitRow[]): Promise<void> {
	await insertRows(db, 'visits', rows);
}

export interface Receipt {
	visitId: string;
	receivedAt: string;
	photosComplete: boolean;
	/** The later of the visit's own sequence and its photos' completion sequences. */
	seq: number;
}

/**
 * Receipts of this officer's visits that arrived, or whose photo arrived, after `since` and up
 * to `upTo`, oldest first; at most `limit` when given. Visits sharing a photo share its
 * completion sequence, so receipts can tie: the caller must not split a tie across pages.
 */
export async function receiptsSince(
	db: Db,
	officerId: string,
	since: number,
	upTo: number,
	limit?: number
): Promise<Receipt[]> {
	const photoSeq = sql<number | null>`(SELECT max(p.seq) FROM visit_photos vp
		JOIN photos p ON p.id = vp.photo_id WHERE vp.visit_id = v.id)`;
	const pending = sql<number>`(SELECT count(*) FROM visit_photos vp
		JOIN photos p ON p.id = vp.photo_id WHERE vp.visit_id = v.id AND p.completed_at IS NULL)`;
	const eff = greatest(db, sql`v.seq`, sql`coalesce(${photoSeq}, 0)`);
	const rows = await db
		.selectFrom('visits as v')
		.select(['v.id', 'v.received_at', eff.as('eff'), pending.as('pending')])
		.where('v.officer_id', '=', officerId)
		.where((eb) =>
			eb.or([
				eb('v.seq', '>', since),
				eb(
					'v.id',
					'in',
					eb
						.selectFrom('photos as p')
						.innerJoin('visit_photos as vp', 'vp.photo_id', 'p.id')
						.select('vp.visit_id')
						.where('p.seq', '>', since)
				)
			])
		)
		.where(eff, '<=', upTo)
		.orderBy(eff)
		.orderBy('v.id')
		.$if(limit !== undefined, (qb) => qb.limit(limit!))
		.execute();
	return rows.map((r) => ({
		visitId: r.id,
		receivedAt: r.received_at,
		photosComplete: Number(r.pending) === 0,
		seq: Number(r.eff)
	}));
}
