import { haversineM } from '$lib/domain/geo';
import type { VisitRecord } from '$lib/domain/operation/visit-record';
import type { Order } from '$lib/domain/order';
import { subjectDisplayName, type Address, type Subject } from '$lib/domain/subject';
import type { AttemptResult, Visit } from '$lib/domain/visit';
import type { Db } from '../db/connection';
import { staffNames } from './planning';
import { refresh } from './projection';
import type { OperationalDayConfig } from '$lib/domain/operation/operational-day';
import type { Scope } from './scope';

/** Everything a reviewer or a court file needs about one visit; undefined when there is none. */
export async function visitRecord(
	db: Db,
	id: string,
	config: OperationalDayConfig
): Promise<VisitRecord | undefined> {
	const row = await db.selectFrom('visits').selectAll().where('id', '=', id).executeTakeFirst();
	if (!row) return undefined;
	await refresh(db, config);
	const visit = JSON.parse(row.data) as Visit & { hash?: string };
	const [subject, addressRows, orderRows, photos, chain, review, followUp, names] =
		await Promise.all([
			db
				.selectFrom('subjects')
				.select('data')
				.where('id', '=', row.subject_id)
				.executeTakeFirstOrThrow(),
			db.selectFrom('addresses').select('data').where('subject_id', '=', row.subject_id).execute(),
			db.selectFrom('orders').select('data').where('subject_id', '=', row.subject_id).execute(),
			db
				.selectFrom('visit_photos as vp')
				.innerJoin('photos as p', 'p.id', 'vp.photo_id')
				.select(['p.id', 'p.sha256', 'p.mime_type', 'p.bytes', 'p.completed_at'])
				.where('vp.visit_id', '=', id)
				.execute(),
			amendmentChain(db, id),
			db.selectFrom('visit_reviews').selectAll().where('visit_id', '=', id).executeTakeFirst(),
			db.selectFrom('follow_ups').selectAll().where('visit_id', '=', id).executeTakeFirst(),
			staffNames(db)
		]);
	const name = (uid: string) => names.get(uid) ?? 'Unknown officer';
	const address =
		addressRows.map((a) => JSON.parse(a.data) as Address).find((a) => a.id === visit.addressId) ??
		null;
	const orders = new Map(
		orderRows.map((o) => [(JSON.parse(o.data) as Order).id, JSON.parse(o.data) as Order])
	);
	return {
		visit: stripHash(visit),
		hash: row.hash ?? visit.hash ?? null,
		receivedAt: row.received_at,
		deviceId: row.device_id,
		officerName: name(row.officer_id),
		secondOfficerName: visit.secondOfficerId ? name(visit.secondOfficerId) : null,
		subjectName: subjectDisplayName(JSON.parse(subject.data) as Subject),
		address,
		distanceFromAddressM:
			address && visit.position
				? Math.round(
						haversineM(address.location, { lat: visit.position.lat, lon: visit.position.lon })
					)
				: null,
		checks: visit.checks.map((c) => {
			const order = orders.get(c.orderId);
			return {
				orderId: c.orderId,
				orderType: order?.type ?? null,
				orderReference: order?.reference ?? null,
				orderVersion: c.orderVersion,
				condition: order?.conditions.find((x) => x.id === c.conditionId) ?? null,
				outcome: c.outcome,
				notes: c.notes
			};
		}),
		photos: photos.map((p) => ({
			id: p.id,
			sha256: p.sha256,
			mimeType: p.mime_type,
			bytes: p.bytes,
			received: p.completed_at !== null
		})),
		chain: chain
			.map((c) => ({ ...c, officerName: name(c.officerId) }))
			.map(({ officerId: _o, ...c }) => c),
		review: review
			? {
					reviewerName: name(review.reviewer_id),
					comment: review.comment,
					reviewedAt: review.reviewed_at
				}
			: null,
		followUp: followUp
			? {
					openedAt: followUp.opened_at,
					conditionTypes: followUp.condition_types.split(','),
					dealtWithAt: followUp.dealt_with_at,
					dealtWithBy: followUp.dealt_with_by ? name(followUp.dealt_with_by) : null,
					note: followUp.note
				}
			: null
	};
}

function stripHash(v: Visit & { hash?: string; prevHash?: string | null }): Visit {
	const { hash: _h, prevHash: _p, ...visit } = v;
	return visit;
}

/** The original and every amendment of it, oldest first, wherever in the chain `id` sits. */
async function amendmentChain(db: Db, id: string) {
	let root = id;
	for (let i = 0; i < 50; i++) {
		const r = await db
			.selectFrom('visits')
			.select('amends')
			.where('id', '=', root)
			.executeTakeFirst();
		if (!r?.amends) break;
		root = r.amends;
	}
	const out: {
		id: string;
		amends: string | null;
		officerId: string;
		result: AttemptResult;
		receivedAt: string;
	}[] = [];
	let frontier = [root];
	const seen = new Set<string>();
	while (frontier.length > 0 && out.length < 200) {
		const rows = await db
			.selectFrom('visits')
			.select(['id', 'amends', 'officer_id', 'result', 'received_at'])
			.where((eb) => eb.or([eb('id', 'in', frontier), eb('amends', 'in', frontier)]))
			.execute();
		frontier = [];
		for (const r of rows) {
			if (seen.has(r.id)) continue;
			seen.add(r.id);
			frontier.push(r.id);
			out.push({
				id: r.id,
				amends: r.amends,
				officerId: r.officer_id,
				result: r.result as AttemptResult,
				receivedAt: r.received_at
			});
		}
	}
	return out.sort((a, b) => a.receivedAt.localeCompare(b.receivedAt));
}

export async function markReviewed(
	db: Db,
	visitId: string,
	reviewerId: string,
	comment: string,
	now = new Date()
) {
	const values = {
		visit_id: visitId,
		reviewer_id: reviewerId,
		comment,
		reviewed_at: now.toISOString()
	};
	await db
		.insertInto('visit_reviews')
		.values(values)
		.onConflict((oc) =>
			oc
				.column('visit_id')
				.doUpdateSet({ reviewer_id: reviewerId, comment, reviewed_at: values.reviewed_at })
		)
		.execute();
}

/** Closes a breach's follow-up; false when there is no open one for that visit. */
export async function markDealtWith(
	db: Db,
	visitId: string,
	userId: string,
	note: string,
	now = new Date()
) {
	const r = await db
		.updateTable('follow_ups')
		.set({ dealt_with_at: now.toISOString(), dealt_with_by: userId, note })
		.where('visit_id', '=', visitId)
		.where('dealt_with_at', 'is', null)
		.executeTakeFirst();
	return Number(r.numUpdatedRows) > 0;
}

/** Breaches still waiting to be dealt with in the scope's teams, newest first. */
export async function openFollowUps(db: Db, scope: Scope, config: OperationalDayConfig) {
	await refresh(db, config);
	if (!scope.all && scope.teamId === null) return [];
	const rows = await db
		.selectFrom('follow_ups as f')
		.innerJoin('subjects as s', 's.id', 'f.subject_id')
		.innerJoin('visit_outcomes as o', 'o.visit_id', 'f.visit_id')
		.innerJoin('users as u', 'u.id', 'o.officer_id')
		.select([
			'f.visit_id',
			'f.subject_id',
			'f.opened_at',
			'f.condition_types',
			's.data',
			'u.display_name'
		])
		.where('f.dealt_with_at', 'is', null)
		.$if(!scope.all, (q) => q.where('s.team_id', '=', scope.all ? '' : scope.teamId!))
		.orderBy('f.opened_at', 'desc')
		.execute();
	return rows.map((r) => ({
		visitId: r.visit_id,
		subjectId: r.subject_id,
		subjectName: subjectDisplayName(JSON.parse(r.data) as Subject),
		officerName: r.display_name,
		openedAt: r.opened_at,
		conditionTypes: r.condition_types.split(',')
	}));
}
