import { randomUUID } from 'node:crypto';
import type { OrderInput, SubjectHit, SubjectInput, SubjectRecord } from '$lib/domain/intake';
import type { Order } from '$lib/domain/order';
import type { Address, Subject } from '$lib/domain/subject';
import { londonWallTimeToInstant } from '$lib/domain/london-time';
import { normaliseSearch } from '$lib/domain/subject-search';
import { inScope, teamForWrite, type TeamScope } from '../auth/scope';
import * as caseload from '../db/caseload';
import type { Db } from '../db/connection';
import * as recordChanges from '../db/record-changes';
import * as recordRefs from '../db/record-refs';
import * as teams from '../db/teams';
import { ApiFailure } from '../http';

/**
 * Subjects and orders as station staff edit them. Every write goes through caseload.putSubject,
 * which bumps the subject's change sequence, so assigned officers' devices get it on their next
 * pull; every write also records the old and new version in record_changes.
 */

// LIKE's wildcards are dropped from what was typed: SQLite has no default escape character.
const LIKE_WILDCARDS = /[%_]/g;

export async function search(
	db: Db,
	scope: TeamScope,
	query: string,
	limit = 50
): Promise<SubjectHit[]> {
	const q = normaliseSearch(query);
	const rows = await db
		.selectFrom('subjects')
		.select(['id', 'data', 'team_id'])
		.$if(!scope.all, (qb) => qb.where('team_id', '=', scope.all ? '' : (scope.teamId ?? '')))
		.$if(q.length > 0, (qb) => qb.where('search', 'like', `%${q.replace(LIKE_WILDCARDS, '')}%`))
		.orderBy('family_name')
		.limit(limit)
		.execute();
	const refs = await recordRefs.referencesOf(
		db,
		'subject',
		rows.map((r) => r.id)
	);
	return rows.map((r) => {
		const s = JSON.parse(r.data) as Subject;
		return {
			id: s.id,
			givenName: s.givenName,
			familyName: s.familyName,
			dateOfBirth: s.dateOfBirth,
			risk: s.risk,
			wanted: s.wanted !== null,
			reference: refs.get(s.id) ?? null,
			teamId: r.team_id
		};
	});
}

/** The subject with everything staff may edit, or 404 when outside the user's team. */
export async function load(db: Db, scope: TeamScope, id: string): Promise<SubjectRecord> {
	const row = await db
		.selectFrom('subjects')
		.select('team_id')
		.where('id', '=', id)
		.executeTakeFirst();
	if (!row || !inScope(scope, row.team_id))
		throw new ApiFailure(404, 'not-found', 'No such subject');
	const found = (await caseload.loadSubject(db, id))!;
	const refs = await recordRefs.referencesOf(db, 'subject', [id]);
	return { ...found, reference: refs.get(id) ?? null, teamId: row.team_id };
}

async function checkReference(db: Db, reference: string | null, id: string): Promise<void> {
	if (!reference) return;
	const holder = (await recordRefs.idsOf(db, 'subject', [reference])).get(reference);
	if (holder && holder !== id) {
		throw new ApiFailure(409, 'conflict', `Another subject already has the reference ${reference}`);
	}
}

/** Creates (id undefined) or replaces a subject's details and addresses; orders are kept. */
export async function saveSubject(
	db: Db,
	scope: TeamScope,
	actorId: string,
	input: SubjectInput,
	id?: string
): Promise<SubjectRecord> {
	const before = id ? await load(db, scope, id) : undefined;
	const teamId = scope.all
		? teamForWrite(scope, input.teamId ?? before?.teamId)
		: teamForWrite(scope, before?.teamId ?? input.teamId);
	if (!(await teams.findById(db, teamId)))
		throw new ApiFailure(422, 'unknown-team', 'No such team');
	const subjectId = id ?? randomUUID();
	await checkReference(db, input.reference, subjectId);
	const { addresses: addressInputs, reference, teamId: _team, ...details } = input;
	const subject: Subject = {
		...details,
		id: subjectId,
		photoUrl: before?.subject.photoUrl ?? null,
		updatedAt: new Date().toISOString()
	};
	const addresses: Address[] = addressInputs.map((a) => ({ ...a, subjectId }));
	await db.transaction().execute(async (trx) => {
		await caseload.putSubject(trx, subject, addresses, before?.orders ?? [], {
			teamId,
			references: reference ? [reference] : [],
			actorId
		});
		await recordRefs.set(trx, 'subject', reference, subjectId);
		await recordChanges.write(trx, {
			actorId,
			entity: 'subject',
			entityId: subjectId,
			action: before ? 'update' : 'create',
			before: before && { subject: before.subject, addresses: before.addresses },
			after: { subject, addresses }
		});
	});
	return load(db, scope, subjectId);
}

/** Writes one order of the subject (new, varied or ended) and records the change. */
async function putOrder(
	db: Db,
	scope: TeamScope,
	actorId: string,
	record: SubjectRecord,
	order: Order,
	action: string
): Promise<Order> {
	const before = record.orders.find((o) => o.id === order.id);
	const orders = before
		? record.orders.map((o) => (o.id === order.id ? order : o))
		: [...record.orders, order];
	await db.transaction().execute(async (trx) => {
		await caseload.putSubject(trx, record.subject, record.addresses, orders, {
			teamId: record.teamId,
			references: record.reference ? [record.reference] : [],
			actorId
		});
		await recordChanges.write(trx, {
			actorId,
			entity: 'order',
			entityId: order.id,
			action,
			before,
			after: order
		});
	});
	return order;
}

export async function createOrder(
	db: Db,
	scope: TeamScope,
	actorId: string,
	subjectId: string,
	input: OrderInput
): Promise<Order> {
	const record = await load(db, scope, subjectId);
	const order: Order = { ...input, id: randomUUID(), subjectId, status: 'active', version: 1 };
	return putOrder(db, scope, actorId, record, order, 'create');
}

async function orderRecord(db: Db, scope: TeamScope, orderId: string) {
	const row = await db
		.selectFrom('orders')
		.select('subject_id')
		.where('id', '=', orderId)
		.executeTakeFirst();
	if (!row) throw new ApiFailure(404, 'not-found', 'No such order');
	const record = await load(db, scope, row.subject_id).catch(() => {
		throw new ApiFailure(404, 'not-found', 'No such order');
	});
	return { record, current: record.orders.find((o) => o.id === orderId)! };
}

/**
 * A court variation: a new version of the order. The old version stays in order_versions, and
 * visits checked against it keep naming it.
 */
export async function varyOrder(
	db: Db,
	scope: TeamScope,
	actorId: string,
	orderId: string,
	input: OrderInput
): Promise<Order> {
	const { record, current } = await orderRecord(db, scope, orderId);
	if (current.status === 'discharged' || current.status === 'expired') {
		throw new ApiFailure(409, 'conflict', `The order has ${current.status}: it cannot be varied`);
	}
	const order: Order = {
		...input,
		id: orderId,
		subjectId: current.subjectId,
		status: 'varied',
		version: current.version + 1
	};
	return putOrder(db, scope, actorId, record, order, 'vary');
}

/** Discharge or expiry on a date: the order ends then; its wording (version) is unchanged. */
export async function endOrder(
	db: Db,
	scope: TeamScope,
	actorId: string,
	orderId: string,
	end: { status: 'discharged' | 'expired'; date: string }
): Promise<Order> {
	const { record, current } = await orderRecord(db, scope, orderId);
	const order: Order = {
		...current,
		status: end.status,
		expiresAt: londonWallTimeToInstant(end.date, '00:00').toISOString()
	};
	return putOrder(db, scope, actorId, record, order, end.status);
}

export async function orderSubjectScope(db: Db, scope: TeamScope, orderId: string): Promise<void> {
	await orderRecord(db, scope, orderId);
}
