import { sealedVisitSchema } from '$lib/domain/sealed';
import type { User } from '$lib/domain/user';
import * as audit from '../db/audit';
import type { Db } from '../db/connection';
import * as quarantine from '../db/quarantine';
import { ApiFailure } from '../http';
import { applySealedVisit } from '../sync/sealed-apply';
import { inScope, scopedUserIds } from './scope';

/** A held sealed visit as a supervisor reviews it: the visit itself, photos as refs only. */
export async function listHeld(db: Db, viewer: User, status?: 'pending' | 'applied' | 'dismissed') {
	const scope = await scopedUserIds(db, viewer);
	const rows = (await quarantine.list(db, status)).filter((r) => inScope(scope, r.officer_id));
	return rows.map((r) => {
		const sealed = sealedVisitSchema.parse(JSON.parse(r.payload));
		return {
			visitId: r.visit_id,
			deviceId: r.device_id,
			officerId: r.officer_id,
			deliveredBy: r.delivered_by,
			reason: r.reason,
			receivedAt: r.received_at,
			status: r.status,
			decidedBy: r.decided_by,
			decidedAt: r.decided_at,
			decisionCode: r.decision_code,
			visit: sealed.mutation.type === 'record-visit' ? sealed.mutation.visit : null
		};
	});
}

async function pending(db: Db, viewer: User, visitId: string) {
	const row = await quarantine.find(db, visitId);
	const scope = await scopedUserIds(db, viewer);
	if (!row || !inScope(scope, row.officer_id)) {
		throw new ApiFailure(404, 'not-found', 'No such held visit');
	}
	if (row.status !== 'pending') {
		throw new ApiFailure(409, 'conflict', `This visit has already been ${row.status}`);
	}
	return row;
}

/** Applies a held visit through the same rules as any other; a rejection leaves it held. */
export async function applyHeld(db: Db, viewer: User, visitId: string, now = new Date()) {
	const row = await pending(db, viewer, visitId);
	const sealed = sealedVisitSchema.parse(JSON.parse(row.payload));
	const outcome = await applySealedVisit(db, row.device_id, sealed, now);
	if (outcome.status !== 'rejected')
		await quarantine.decide(db, visitId, 'applied', viewer.id, outcome.status, now);
	await audit.write(
		db,
		{
			actorId: viewer.id,
			deviceId: row.device_id,
			action: 'quarantine-apply',
			entityId: visitId,
			outcome: outcome.status === 'rejected' ? 'rejected' : 'accepted',
			detail: outcome.status === 'rejected' ? `code=${outcome.code}` : outcome.status
		},
		now
	);
	return outcome;
}

export async function dismissHeld(db: Db, viewer: User, visitId: string, now = new Date()) {
	const row = await pending(db, viewer, visitId);
	await db.transaction().execute(async (trx) => {
		await quarantine.decide(trx, visitId, 'dismissed', viewer.id, 'dismissed', now);
		await audit.write(
			trx,
			{
				actorId: viewer.id,
				deviceId: row.device_id,
				action: 'quarantine-dismiss',
				entityId: visitId,
				outcome: 'accepted'
			},
			now
		);
	});
	return { status: 'dismissed' as const };
}
