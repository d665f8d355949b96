import {
	sealedDeliverySchema,
	sealedVisitAad,
	sealedVisitSchema,
	type SealedResult,
	type SealedVisit
} from '$lib/domain/sealed';
import type { User } from '$lib/domain/user';
import * as audit from '../db/audit';
import type { Db } from '../db/connection';
import * as devices from '../db/devices';
import * as quarantine from '../db/quarantine';
import * as visits from '../db/visits';
import { openBytes, SealOpenError, sealKeyPair } from '../crypto/seal-keys';
import { parseWith } from '../http';
import { checkProtocol } from './protocol';
import { applySealedVisit, photosMatch } from './sealed-apply';

/**
 * POST /api/sync/sealed: visits a device sealed at finalise, delivered (perhaps after a wipe)
 * by whoever is signed in on it. Each item is opened, re-validated with the push schemas and
 * applied exactly once, or held in quarantine when its device has been revoked or it is
 * delivered by someone other than the officer who recorded it.
 */
export async function deliverSealed(
	db: Db,
	deliverer: User,
	body: unknown,
	now = new Date()
): Promise<{ results: SealedResult[] }> {
	checkProtocol(body);
	const request = parseWith(sealedDeliverySchema, body);
	const pair = await sealKeyPair(db);
	const device = await devices.find(db, request.deviceId);
	const results: SealedResult[] = [];
	for (const item of request.items) {
		let sealed: SealedVisit;
		try {
			const bytes = await openBytes(pair, sealedVisitAad(request.deviceId, item.id), item.envelope);
			const parsed = sealedVisitSchema.safeParse(JSON.parse(new TextDecoder().decode(bytes)));
			if (!parsed.success || parsed.data.mutation.type !== 'record-visit') throw new Error('shape');
			if (parsed.data.mutation.visit.id !== item.id) throw new Error('id');
			sealed = parsed.data;
		} catch (e) {
			const code = e instanceof SealOpenError ? e.code : 'invalid-mutation';
			results.push(await refuse(db, deliverer, request.deviceId, item.id, code, now));
			continue;
		}
		if (!photosMatch(sealed)) {
			results.push(
				await refuse(db, deliverer, request.deviceId, item.id, 'photo-hash-mismatch', now)
			);
			continue;
		}
		const reason = device?.revoked
			? 'device-revoked'
			: sealed.mutation.type === 'record-visit' && sealed.mutation.visit.officerId !== deliverer.id
				? 'delivered-by-another-officer'
				: null;
		if (reason) {
			results.push(await hold(db, deliverer, request.deviceId, sealed, reason, now));
			continue;
		}
		const outcome = await applySealedVisit(db, request.deviceId, sealed, now);
		results.push({ id: item.id, ...outcome });
	}
	return { results };
}

async function hold(
	db: Db,
	deliverer: User,
	deviceId: string,
	sealed: SealedVisit,
	reason: string,
	now: Date
): Promise<SealedResult> {
	if (sealed.mutation.type !== 'record-visit') throw new Error('unreachable');
	const visit = sealed.mutation.visit;
	// Already on the server (pushed before the device was revoked): nothing to review.
	const [known] = await visits.findByIds(db, [visit.id]);
	if (known && known.data === JSON.stringify(visit)) return { id: visit.id, status: 'duplicate' };
	await db.transaction().execute(async (trx) => {
		await quarantine.hold(trx, {
			visit_id: visit.id,
			device_id: deviceId,
			officer_id: visit.officerId,
			delivered_by: deliverer.id,
			reason,
			payload: JSON.stringify(sealed),
			received_at: now.toISOString()
		});
		await audit.write(
			trx,
			{
				actorId: deliverer.id,
				deviceId,
				action: 'sealed-quarantined',
				entityId: visit.id,
				outcome: 'held',
				detail: `reason=${reason}`
			},
			now
		);
	});
	return {
		id: visit.id,
		status: 'quarantined',
		code: reason,
		message: 'Held for a supervisor to review before it is applied.'
	};
}

async function refuse(
	db: Db,
	deliverer: User,
	deviceId: string,
	id: string,
	code: string,
	now: Date
): Promise<SealedResult> {
	await audit.write(
		db,
		{
			actorId: deliverer.id,
			deviceId,
			action: 'sealed-delivery',
			entityId: id,
			outcome: 'rejected',
			detail: `code=${code}`
		},
		now
	);
	return {
		id,
		status: 'rejected',
		code,
		message:
			'The server could not open or accept this sealed visit. Keep the device and tell ' +
			'your supervisor; the sealed copy stays on the device.'
	};
}
