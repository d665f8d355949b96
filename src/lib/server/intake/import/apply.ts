import { subjectSearchText } from '$lib/domain/subject-search';
import * as audit from '../../db/audit';
import { insertRows } from '../../db/bulk';
import { reserveSeqs, type Db } from '../../db/connection';
import { isIn } from '../../db/lists';
import type { Plan } from './plan';

const CHUNK = 500;

function chunks<T>(xs: T[]): T[][] {
	const out: T[][] = [];
	for (let i = 0; i < xs.length; i += CHUNK) out.push(xs.slice(i, i + CHUNK));
	return out;
}

/**
 * Writes a clean plan inside the caller's transaction, in bulk: new subjects, addresses, orders
 * and references as multi-row inserts; changed subjects replaced. Each written subject takes a
 * fresh change sequence, so assigned officers' devices get it on their next pull. Old order
 * versions stay in order_versions; every change is kept with its old and new version.
 */
export async function applyPlan(
	trx: Db,
	plan: Plan,
	actorId: string,
	refsOf: (subjectId: string) => string[],
	at = new Date()
): Promise<void> {
	if (plan.writes.length === 0) return;
	const when = at.toISOString();
	const first = await reserveSeqs(trx, plan.writes.length);
	const existing = plan.writes.filter((w) => w.before).map((w) => w.bundle.subject.id);
	for (const part of chunks(existing)) {
		await trx
			.deleteFrom('addresses')
			.where(isIn(trx, 'subject_id', part))
			.execute();
		await trx
			.deleteFrom('orders')
			.where(isIn(trx, 'subject_id', part))
			.execute();
	}
	const subjectRows = plan.writes.map((w, i) => ({
		id: w.bundle.subject.id,
		family_name: w.bundle.subject.familyName,
		risk: w.bundle.subject.risk,
		data: JSON.stringify(w.bundle.subject),
		seq: first + i,
		team_id: w.bundle.teamId,
		search: subjectSearchText(w.bundle.subject, w.bundle.addresses, refsOf(w.bundle.subject.id))
	}));
	for (const [i, w] of plan.writes.entries()) {
		if (!w.before) continue;
		const { id, ...row } = subjectRows[i]!;
		await trx.updateTable('subjects').set(row).where('id', '=', id).execute();
	}
	await insertRows(
		trx,
		'subjects',
		subjectRows.filter((_, i) => !plan.writes[i]!.before)
	);
	await insertRows(
		trx,
		'addresses',
		plan.writes.flatMap((w) =>
			w.bundle.addresses.map((a) => ({
				id: a.id,
				subject_id: a.subjectId,
				data: JSON.stringify(a)
			}))
		)
	);
	const orders = plan.writes.flatMap((w) => w.bundle.orders);
	await insertRows(
		trx,
		'orders',
		orders.map((o) => ({
			id: o.id,
			subject_id: o.subjectId,
			status: o.status,
			version: o.version,
			data: JSON.stringify(o)
		}))
	);
	// New versions in bulk; a version already held only has its status refreshed.
	const priorVersion = new Map(
		plan.writes.flatMap((w) => (w.before?.orders ?? []).map((o) => [o.id, o.version] as const))
	);
	const newVersions = orders.filter((o) => priorVersion.get(o.id) !== o.version);
	await insertRows(
		trx,
		'order_versions',
		newVersions.map((o) => ({
			order_id: o.id,
			version: o.version,
			status: o.status,
			data: JSON.stringify(o),
			recorded_at: when,
			recorded_by: actorId
		}))
	);
	for (const o of orders) {
		if (priorVersion.get(o.id) !== o.version) continue;
		await trx
			.updateTable('order_versions')
			.set({ status: o.status, data: JSON.stringify(o) })
			.where('order_id', '=', o.id)
			.where('version', '=', o.version)
			.execute();
	}
	await insertRows(trx, 'record_refs', plan.newRefs);
	await insertRows(
		trx,
		'record_changes',
		plan.writes.map((w) => ({
			at: when,
			actor_id: actorId,
			entity: 'subject',
			entity_id: w.bundle.subject.id,
			action: w.before ? 'import-update' : 'import-create',
			before: w.before ? JSON.stringify(w.before) : null,
			after: JSON.stringify(w.bundle)
		}))
	);
	await audit.write(trx, {
		actorId,
		action: 'import',
		outcome: 'accepted',
		detail: JSON.stringify({ subjects: plan.writes.length })
	});
}
