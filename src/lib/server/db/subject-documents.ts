import type { Order } from '$lib/domain/order';
import type { Address, Subject } from '$lib/domain/subject';
import type { Db } from './connection';
import { isIn, readByKeys } from './lists';

/** A subject's stored documents as the database holds them, with its change sequence and team. */
export interface SubjectDocuments {
	subject: Subject;
	addresses: Address[];
	orders: Order[];
	seq: number;
	teamId: string | null;
}

/**
 * The stored subject, addresses and orders of these subjects, in three list queries (chunked
 * under the engine's parameter limit). Subjects that do not exist are absent from the map.
 */
export async function readSubjectDocuments(
	db: Db,
	ids: string[]
): Promise<Map<string, SubjectDocuments>> {
	const [subjects, addresses, orders] = await Promise.all([
		readByKeys(db, ids, (part) =>
			db
				.selectFrom('subjects')
				.select(['id', 'seq', 'data', 'team_id'])
				.where(isIn(db, 'id', part))
				.execute()
		),
		readByKeys(db, ids, (part) =>
			db
				.selectFrom('addresses')
				.select(['subject_id', 'data'])
				.where(isIn(db, 'subject_id', part))
				.execute()
		),
		readByKeys(db, ids, (part) =>
			db
				.selectFrom('orders')
				.select(['subject_id', 'data'])
				.where(isIn(db, 'subject_id', part))
				.execute()
		)
	]);
	const out = new Map<string, SubjectDocuments>();
	for (const s of subjects) {
		out.set(s.id, {
			subject: JSON.parse(s.data) as Subject,
			addresses: [],
			orders: [],
			seq: s.seq,
			teamId: s.team_id
		});
	}
	for (const a of addresses) out.get(a.subject_id)?.addresses.push(JSON.parse(a.data) as Address);
	for (const o of orders) out.get(o.subject_id)?.orders.push(JSON.parse(o.data) as Order);
	return out;
}
