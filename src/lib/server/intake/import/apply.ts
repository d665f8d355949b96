import * as audit from '../../db/audit';
import { insertRows } from '../../db/bulk';
import { putSubjects, type StoredJson } from '../../db/caseload';
import type { Db } from '../../db/connection';
import type { Plan, RefKind } from './plan';

/**
 * Subjects written per batch: enough to keep the statements busy, few enough that the rows and
 * JSON built for one batch are dropped before the next (the import's memory stays flat). At
 * 500, one batch's JSON outlived young-generation collections: V8 moved it all to the old
 * generation, and at 20,000 subjects the import's peak RSS was 60 MB higher one run in two.
 */
const BATCH = 200;

const bundleJson = (s: StoredJson, teamId: string | null) =>
	`{"subject":${s.subject},"addresses":[${s.addresses.join(',')}],"orders":[${s.orders.join(',')}],"teamId":${JSON.stringify(teamId)}}`;

/**
 * Writes a clean plan inside the caller's transaction, batch by batch, through the same writer
 * as the intake screens (caseload.putSubjects): each written subject takes a fresh change
 * sequence, so assigned officers' devices get it on their next pull; old order versions stay in
 * order_versions. New references go in as they are, and every change is kept with its old and
 * new version in record_changes.
 */
export async function applyPlan(
	trx: Db,
	plan: Plan,
	actorId: string,
	at = new Date()
): Promise<void> {
	if (plan.writes.length === 0) return;
	const when = at.toISOString();
	for (const [kind, { references, ids }] of Object.entries(plan.newRefs)) {
		for (let i = 0; i < ids.length; i += BATCH * 8) {
			await insertRows(
				trx,
				'record_refs',
				ids
					.slice(i, i + BATCH * 8)
					.map((id, k) => ({ kind: kind as RefKind, reference: references[i + k]!, id }))
			);
		}
	}
	for (let i = 0; i < plan.writes.length; i += BATCH) {
		const batch = plan.writes.slice(i, i + BATCH).map(({ bundle, before }) => ({
			// A plan reviewed in a dry run a while ago is written as of now.
			bundle: plan.stamped.has(bundle.subject.id)
				? { ...bundle, subject: { ...bundle.subject, updatedAt: when } }
				: bundle,
			before
		}));
		const stored = await putSubjects(
			trx,
			batch.map(({ bundle, before }) => ({
				...bundle,
				isNew: before === undefined,
				references: plan.subjectRefs.has(bundle.subject.id)
					? [plan.subjectRefs.get(bundle.subject.id)!]
					: []
			})),
			actorId,
			at
		);
		await insertRows(
			trx,
			'record_changes',
			batch.map(({ bundle, before }, k) => ({
				at: when,
				actor_id: actorId,
				entity: 'subject',
				entity_id: bundle.subject.id,
				action: before ? 'import-update' : 'import-create',
				before: before ? JSON.stringify(before) : null,
				// JSON.stringify(bundle), made from the JSON just written rather than again.
				after: bundleJson(stored[k]!, bundle.teamId)
			}))
		);
	}
	await audit.write(trx, {
		actorId,
		action: 'import',
		outcome: 'accepted',
		detail: JSON.stringify({ subjects: plan.writes.length })
	});
}
