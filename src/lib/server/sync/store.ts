import type { VisitMutation } from '$lib/domain/sync';
import { reserveSeqs, type Db } from '../db/connection';
import * as photos from '../db/photos';
import * as visitChain from '../db/visit-chain';
import * as visits from '../db/visits';
import { verifyChain } from './chain';
import { checkProtectedZones } from './zone-check';
import { isIn, readByKeys } from '../db/lists';
import type { Order } from '$lib/domain/order';

export type Accepted = { seq: number; mutation: VisitMutation; data: string };

/**
 * Writes accepted visits (pushed, or delivered sealed) with their photo refs, each with the
 * server's verification of its device's hash chain. Inside the caller's transaction.
 */
export async function storeAccepted(
	db: Db,
	deviceId: string,
	accepted: Accepted[],
	now: Date,
	options: { sealed?: boolean } = {}
): Promise<void> {
	if (accepted.length === 0) return;
	const chain = await verifyChain(
		db,
		deviceId,
		accepted.map((a) => a.mutation.visit)
	);
	const ordersOf = await ordersBySubject(
		db,
		accepted.map((a) => a.mutation.visit.subjectId)
	);
	const refs = accepted.flatMap(({ mutation }) =>
		mutation.visit.photos.map((p) => ({ visitId: mutation.visit.id, photo: p }))
	);
	// Everything that does not need a change-counter value is written first: taking the values
	// locks the counter until commit (see reserveSeqs), and every other writer waits for it.
	await photos.insertMany(
		db,
		refs.map((r) => r.photo),
		now
	);
	await visitChain.closeGaps(
		db,
		deviceId,
		accepted.flatMap((a) => (a.mutation.visit.hash ? [a.mutation.visit.hash] : []))
	);
	const first = await reserveSeqs(db, accepted.length);
	const receivedAt = now.toISOString();
	await visits.insertMany(
		db,
		accepted.map(({ seq, mutation, data }, i) => {
			const link = chain.get(mutation.visit.id);
			return {
				id: mutation.visit.id,
				mutation_id: mutation.id,
				device_id: deviceId,
				device_seq: seq,
				officer_id: mutation.visit.officerId,
				subject_id: mutation.visit.subjectId,
				address_id: mutation.visit.addressId,
				amends: mutation.visit.amends,
				started_at: mutation.visit.startedAt,
				result: mutation.visit.result,
				seq: first + i,
				received_at: receivedAt,
				data,
				hash: link?.hash ?? null,
				prev_hash: link?.prevHash ?? null,
				chain_status: link?.status ?? 'unchained',
				zone_check: JSON.stringify(
					checkProtectedZones(mutation.visit, ordersOf.get(mutation.visit.subjectId) ?? [])
				),
				sealed: options.sealed ? 1 : 0
			};
		})
	);
	await photos.linkMany(
		db,
		refs.map((r) => ({ visitId: r.visitId, photoId: r.photo.id }))
	);
}

async function ordersBySubject(db: Db, subjectIds: string[]): Promise<Map<string, Order[]>> {
	const rows = await readByKeys(db, subjectIds, (part) =>
		db
			.selectFrom('orders')
			.select(['subject_id', 'data'])
			.where(isIn(db, 'subject_id', part))
			.execute()
	);
	const out = new Map<string, Order[]>();
	for (const r of rows) {
		const list = out.get(r.subject_id) ?? [];
		list.push(JSON.parse(r.data) as Order);
		out.set(r.subject_id, list);
	}
	return out;
}
