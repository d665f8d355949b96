import type { Condition } from '$lib/domain/condition';
import type { OperationalDayConfig } from '$lib/domain/operation/operational-day';
import { operationalDay } from '$lib/domain/operation/operational-day';
import type { Order } from '$lib/domain/order';
import type { Visit } from '$lib/domain/visit';
import type { Db } from '../db/connection';
import { insertRows } from '../db/bulk';
import { isIn, readByKeys } from '../db/lists';
import type { VisitOutcomesTable } from '../db/schema';
import { markedCache } from './marked-cache';

/**
 * Keeps `visit_outcomes`, `subject_last_visits` and `follow_ups` up to date with `visits`.
 *
 * Visits are append-only and take values of the global change counter, so the projection
 * remembers the highest value it has read and, before each station read, folds in only what
 * arrived since. This keeps the sync push untouched and the station queries off visit JSON.
 * (On SQLite, writers are serialised, so sequence order is commit order; PostgreSQL would need
 * to allow for a late commit of a lower sequence.)
 */
const BATCH = 2000;

export async function refresh(db: Db, config: OperationalDayConfig): Promise<number> {
	let total = 0;
	for (;;) {
		const n = await db.transaction().execute((trx) => step(trx, config));
		total += n;
		if (n < BATCH) return total;
	}
}

/** How far the projection has read: its tables change only when this moves. */
export async function cursor(db: Db): Promise<number> {
	const row = await db
		.selectFrom('counters')
		.select('value')
		.where('name', '=', 'operation-projection')
		.executeTakeFirstOrThrow();
	return Number(row.value);
}

/**
 * Each subject's last visit by anyone, re-read only when the projection has moved (every
 * planning list draws all of them; a force has thousands).
 */
const lastVisitsRead = markedCache<LastVisitRow[]>(1);
export type LastVisitRow = {
	subject_id: string;
	officer_id: string;
	started_at: string;
	result: string;
};

export async function lastVisits(db: Db): Promise<LastVisitRow[]> {
	return lastVisitsRead(db, '', String(await cursor(db)), () =>
		db
			.selectFrom('subject_last_visits')
			.select(['subject_id', 'officer_id', 'started_at', 'result'])
			.execute()
	);
}

async function step(db: Db, config: OperationalDayConfig): Promise<number> {
	const cursor = await db
		.selectFrom('counters')
		.select('value')
		.where('name', '=', 'operation-projection')
		.executeTakeFirstOrThrow();
	const rows = await db
		.selectFrom('visits')
		.select([
			'id',
			'subject_id',
			'officer_id',
			'started_at',
			'received_at',
			'result',
			'seq',
			'data'
		])
		.where('seq', '>', cursor.value)
		.orderBy('seq')
		.limit(BATCH)
		.execute();
	if (rows.length === 0) return 0;
	const visits = rows.map((r) => ({ row: r, visit: JSON.parse(r.data) as Visit }));
	const types = await conditionTypes(
		db,
		visits.map((v) => v.visit)
	);
	const outcomes: VisitOutcomesTable[] = visits.map(({ row, visit }) => {
		const breaches = visit.checks
			.filter((c) => c.outcome === 'breach')
			.map((c) => types.get(c.conditionId) ?? 'other');
		return {
			visit_id: row.id,
			subject_id: row.subject_id,
			officer_id: row.officer_id,
			second_officer_id: visit.secondOfficerId,
			op_date: operationalDay(new Date(row.started_at), config),
			started_at: row.started_at,
			received_at: row.received_at,
			result: row.result,
			breach_types: [...new Set(breaches)].join(','),
			arrest_ref: visit.actions.arrest?.custodyReference ?? null,
			safeguarding: visit.actions.safeguardingReferral ? 1 : 0,
			lat: visit.position?.lat ?? null,
			lon: visit.position?.lon ?? null,
			accuracy_m: visit.position?.accuracyM ?? null,
			amends: visit.amends
		};
	});
	await insertRows(db, 'visit_outcomes', outcomes);
	const followUps = outcomes
		.filter((o) => o.breach_types !== '')
		.map((o) => ({
			visit_id: o.visit_id,
			subject_id: o.subject_id,
			opened_at: o.received_at,
			condition_types: o.breach_types,
			dealt_with_at: null,
			dealt_with_by: null,
			note: null
		}));
	await insertRows(db, 'follow_ups', followUps);
	await updateLastVisits(db, rows);
	await db
		.updateTable('counters')
		.set({ value: rows.at(-1)!.seq })
		.where('name', '=', 'operation-projection')
		.execute();
	return rows.length;
}

type Row = {
	id: string;
	subject_id: string;
	officer_id: string;
	started_at: string;
	result: string;
	seq: number;
};

async function updateLastVisits(db: Db, rows: Row[]): Promise<void> {
	const latest = new Map<string, Row>();
	for (const r of rows) {
		const held = latest.get(r.subject_id);
		if (!held || r.started_at >= held.started_at) latest.set(r.subject_id, r);
	}
	const current = await readByKeys(db, [...latest.keys()], (ids) =>
		db
			.selectFrom('subject_last_visits')
			.select(['subject_id', 'started_at'])
			.where(isIn(db, 'subject_id', ids))
			.execute()
	);
	const held = new Map(current.map((c) => [c.subject_id, c.started_at]));
	for (const r of latest.values()) {
		const before = held.get(r.subject_id);
		// A visit synced late that happened earlier does not replace a later one.
		if (before !== undefined && before > r.started_at) continue;
		const values = {
			subject_id: r.subject_id,
			visit_id: r.id,
			officer_id: r.officer_id,
			started_at: r.started_at,
			result: r.result,
			seq: r.seq
		};
		await db
			.insertInto('subject_last_visits')
			.values(values)
			.onConflict((oc) =>
				oc.column('subject_id').doUpdateSet({
					visit_id: values.visit_id,
					officer_id: values.officer_id,
					started_at: values.started_at,
					result: values.result,
					seq: values.seq
				})
			)
			.execute();
	}
}

/** The type of every condition a breach names, read from the orders it came from. */
async function conditionTypes(db: Db, visits: Visit[]): Promise<Map<string, Condition['type']>> {
	const orderIds = visits.flatMap((v) =>
		v.checks.filter((c) => c.outcome === 'breach').map((c) => c.orderId)
	);
	const orders = await readByKeys(db, orderIds, (ids) =>
		db
			.selectFrom('orders')
			.select('data')
			.where(isIn(db, 'id', ids))
			.execute()
	);
	const types = new Map<string, Condition['type']>();
	for (const o of orders) {
		for (const c of (JSON.parse(o.data) as Order).conditions) types.set(c.id, c.type);
	}
	return types;
}
