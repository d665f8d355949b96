import { sql } from 'kysely';
import type { Assignment } from '$lib/domain/assignment';
import type { SubjectBundle } from '$lib/domain/caseload';
import type { Order, OrderStatus } from '$lib/domain/order';
import type { Address, Subject } from '$lib/domain/subject';
import { subjectSearchText } from '$lib/domain/subject-search';
import { insertRows, upsertRows } from './bulk';
import * as orderVersions from './order-versions';
import { nextSeq, reserveSeqs, type Db } from './connection';
import { greatest } from './engine';
import { isIn, readByKeys } from './lists';
import type { AssignmentsTable } from './schema';

export function toAssignment(
	row: Pick<
		AssignmentsTable,
		'id' | 'subject_id' | 'officer_id' | 'date' | 'operation' | 'priority'
	>
): Assignment {
	return {
		id: row.id,
		subjectId: row.subject_id,
		officerId: row.officer_id,
		date: row.date,
		operation: row.operation,
		priority: row.priority
	};
}

/** One subject as stored: its document, addresses, orders, team and records references. */
export interface SubjectWrite {
	subject: Subject;
	addresses: Address[];
	orders: Order[];
	teamId: string | null;
	/** Records-system references, found by the station's subject search. */
	references?: readonly string[];
	/**
	 * The caller knows the subject is not held yet (an import's new record): its rows go in as
	 * plain INSERTs, which cost half what the upserts of a replacement do, and a caller that
	 * was wrong fails its transaction instead of overwriting.
	 */
	isNew?: boolean;
}

/** Each item's JSON as just written: its subject, and its addresses and orders in order. */
export interface StoredJson {
	subject: string;
	addresses: string[];
	orders: string[];
}

/** Under PostgreSQL's limit on bound values; SQLite takes the list as one JSON value anyway. */
const DELETE_CHUNK = 500;

/**
 * Insert or replace subjects with their addresses and orders, in bulk (prepared statements on
 * SQLite, multi-row ones on PostgreSQL): the one writer for the intake screens, the seed and
 * the import. Each subject takes a fresh change sequence, so the devices of officers assigned
 * to it get the change on their next pull. Every order version written is kept in
 * `order_versions` as well. Callers run it inside their transaction when it must be atomic.
 * Returns the JSON written for each item, for a caller that keeps the documents too (the
 * import's record_changes), so nothing is serialised twice.
 */
export async function putSubjects(
	db: Db,
	items: readonly SubjectWrite[],
	actorId: string | null,
	at = new Date()
): Promise<StoredJson[]> {
	if (items.length === 0) return [];
	const first = await reserveSeqs(db, items.length);
	const held = items.filter((i) => !i.isNew).map((i) => i.subject.id);
	for (let i = 0; i < held.length; i += DELETE_CHUNK) {
		const part = held.slice(i, i + DELETE_CHUNK);
		await db
			.deleteFrom('addresses')
			.where(isIn(db, 'subject_id', part))
			.execute();
		await db
			.deleteFrom('orders')
			.where(isIn(db, 'subject_id', part))
			.execute();
	}
	const stored: StoredJson[] = items.map((i) => ({
		subject: JSON.stringify(i.subject),
		addresses: i.addresses.map((a) => JSON.stringify(a)),
		orders: i.orders.map((o) => JSON.stringify(o))
	}));
	const subjectRows = items.map(({ subject, addresses, teamId, references }, i) => ({
		id: subject.id,
		family_name: subject.familyName,
		risk: subject.risk,
		data: stored[i]!.subject,
		seq: first + i,
		team_id: teamId,
		search: subjectSearchText(subject, addresses, references)
	}));
	await insertRows(
		db,
		'subjects',
		subjectRows.filter((_, i) => items[i]!.isNew)
	);
	await upsertRows(
		db,
		'subjects',
		subjectRows.filter((_, i) => !items[i]!.isNew),
		{ conflict: ['id'], update: ['family_name', 'risk', 'data', 'seq', 'team_id', 'search'] }
	);
	await insertRows(
		db,
		'addresses',
		items.flatMap((i, n) =>
			i.addresses.map((a, k) => ({
				id: a.id,
				subject_id: a.subjectId,
				data: stored[n]!.addresses[k]!
			}))
		)
	);
	const orders = items.flatMap((i, n) =>
		i.orders.map((order, k) => ({ order, data: stored[n]!.orders[k]!, isNew: i.isNew === true }))
	);
	await insertRows(
		db,
		'orders',
		orders.map(({ order, data }) => ({
			id: order.id,
			subject_id: order.subjectId,
			status: order.status,
			version: order.version,
			data
		}))
	);
	await orderVersions.recordStored(db, orders, actorId, at);
	return stored;
}

/** `putSubjects` for one subject. */
export async function putSubject(
	db: Db,
	subject: Subject,
	addresses: Address[],
	orders: Order[],
	placement: { teamId: string | null; references?: string[]; actorId?: string | null } = {
		teamId: null
	}
): Promise<void> {
	await putSubjects(
		db,
		[{ subject, addresses, orders, teamId: placement.teamId, references: placement.references }],
		placement.actorId ?? null
	);
}

/** Change an order's status (e.g. discharged); devices see it on their next pull. */
export async function setOrderStatus(
	db: Db,
	orderId: string,
	status: OrderStatus
): Promise<Order | undefined> {
	const row = await db
		.selectFrom('orders')
		.selectAll()
		.where('id', '=', orderId)
		.executeTakeFirst();
	if (!row) return undefined;
	const order: Order = { ...(JSON.parse(row.data) as Order), status };
	if (status === 'varied') order.version += 1;
	await db
		.updateTable('orders')
		.set({ status, version: order.version, data: JSON.stringify(order) })
		.where('id', '=', orderId)
		.execute();
	await orderVersions.record(db, [order], null);
	const seq = await nextSeq(db);
	await db.updateTable('subjects').set({ seq }).where('id', '=', row.subject_id).execute();
	return order;
}

/** Full bundles for the given subjects, as one officer's assignment sees them. */
export async function loadBundles(
	db: Db,
	officerId: string,
	subjectIds: string[]
): Promise<{ bundles: SubjectBundle[]; dischargedOrderIds: string[] }> {
	const rowsOf = <T>(read: (part: string[]) => Promise<T[]>) => readByKeys(db, subjectIds, read);
	const [subjects, addresses, orders, assignments] = await Promise.all([
		rowsOf((ids) =>
			db
				.selectFrom('subjects')
				.select(['id', 'data'])
				.where(isIn(db, 'id', ids))
				.execute()
		),
		rowsOf((ids) =>
			db
				.selectFrom('addresses')
				.select(['subject_id', 'data'])
				.where(isIn(db, 'subject_id', ids))
				.execute()
		),
		rowsOf((ids) =>
			db
				.selectFrom('orders')
				.select(['id', 'subject_id', 'status', 'data'])
				.where(isIn(db, 'subject_id', ids))
				.execute()
		),
		rowsOf((ids) =>
			db
				.selectFrom('assignments')
				.selectAll()
				.where(isIn(db, 'subject_id', ids))
				.where('officer_id', '=', officerId)
				.execute()
		)
	]);
	const bySubject = new Map<string, SubjectBundle>();
	for (const a of assignments) {
		bySubject.set(a.subject_id, {
			subject: undefined as unknown as Subject,
			addresses: [],
			orders: [],
			assignment: toAssignment(a)
		});
	}
	for (const s of subjects) {
		const b = bySubject.get(s.id);
		if (b) b.subject = JSON.parse(s.data) as Subject;
	}
	for (const a of addresses) bySubject.get(a.subject_id)?.addresses.push(JSON.parse(a.data));
	const dischargedOrderIds: string[] = [];
	for (const o of orders) {
		if (o.status === 'discharged') dischargedOrderIds.push(o.id);
		else bySubject.get(o.subject_id)?.orders.push(JSON.parse(o.data));
	}
	const bundles: SubjectBundle[] = [];
	for (const id of subjectIds) {
		const b = bySubject.get(id);
		if (b?.subject) bundles.push(b);
	}
	return { bundles, dischargedOrderIds };
}

export interface ChangedSubject {
	subjectId: string;
	active: boolean;
	seq: number;
}

/**
 * Subjects whose bundle or assignment changed for this officer after `since` and up to `upTo`
 * (the feed's horizon), oldest first. A live row's effective sequence is the later of its
 * subject's and its assignment's, a removed row's is its removal's; all come from one global
 * counter, so they never tie and a cursor can resume exactly.
 */
export async function changedSince(
	db: Db,
	officerId: string,
	since: number,
	upTo: number,
	limit: number
): Promise<{ rows: ChangedSubject[]; total: number }> {
	// A live assignment moves when its subject changes too; a removal only when it was removed,
	// or a later change to the subject would carry the removal past the cursor and lose it.
	const eff = sql<number>`CASE WHEN a.active = 1 THEN ${greatest(db, sql`a.seq`, sql`s.seq`)} ELSE a.seq END`;
	const base = db
		.selectFrom('assignments as a')
		.innerJoin('subjects as s', 's.id', 'a.subject_id')
		.where('a.officer_id', '=', officerId)
		.where((eb) =>
			eb.or([eb('a.seq', '>', since), eb.and([eb('a.active', '=', 1), eb('s.seq', '>', since)])])
		)
		.where(eff, '<=', upTo)
		// A first download has nothing to remove.
		.$if(since === 0, (qb) => qb.where('a.active', '=', 1));
	const [rows, count] = await Promise.all([
		base
			.select(['a.subject_id', 'a.active', eff.as('eff')])
			.orderBy(eff)
			.limit(limit)
			.execute(),
		base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
	]);
	return {
		rows: rows.map((r) => ({
			subjectId: r.subject_id,
			active: r.active === 1,
			seq: Number(r.eff)
		})),
		total: Number(count.n)
	};
}

export async function currentSeq(db: Db): Promise<number> {
	const row = await db
		.selectFrom('counters')
		.select('value')
		.where('name', '=', 'change')
		.executeTakeFirstOrThrow();
	return row.value;
}

/** Bundle for one subject for staff who may see any subject (supervisors, administrators). */
export async function loadSubject(
	db: Db,
	subjectId: string
): Promise<{ subject: Subject; addresses: Address[]; orders: Order[] } | undefined> {
	const s = await db
		.selectFrom('subjects')
		.select('data')
		.where('id', '=', subjectId)
		.executeTakeFirst();
	if (!s) return undefined;
	const [addresses, orders] = await Promise.all([
		db.selectFrom('addresses').select('data').where('subject_id', '=', subjectId).execute(),
		db.selectFrom('orders').select('data').where('subject_id', '=', subjectId).execute()
	]);
	return {
		subject: JSON.parse(s.data),
		addresses: addresses.map((a) => JSON.parse(a.data)),
		orders: orders.map((o) => JSON.parse(o.data))
	};
}
