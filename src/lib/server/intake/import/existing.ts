import type { Order } from '$lib/domain/order';
import type { Address, Subject } from '$lib/domain/subject';
import type { Db } from '../../db/connection';
import { isIn, readByKeys } from '../../db/lists';

export interface Bundle {
	subject: Subject;
	addresses: Address[];
	orders: Order[];
	teamId: string | null;
}

/** What the database holds for these subjects, in a few list queries. */
export async function existingBundles(db: Db, ids: string[]): Promise<Map<string, Bundle>> {
	const [subjects, addresses, orders] = await Promise.all([
		readByKeys(db, ids, (part) =>
			db
				.selectFrom('subjects')
				.select(['id', 'data', 'team_id'])
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
	const out = new Map<string, Bundle>();
	for (const s of subjects)
		out.set(s.id, { subject: JSON.parse(s.data), addresses: [], orders: [], teamId: s.team_id });
	for (const a of addresses) out.get(a.subject_id)?.addresses.push(JSON.parse(a.data));
	for (const o of orders) out.get(o.subject_id)?.orders.push(JSON.parse(o.data));
	return out;
}
