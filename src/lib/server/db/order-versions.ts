import type { Order } from '$lib/domain/order';
import { insertRows, upsertRows } from './bulk';
import type { Db } from './connection';

/**
 * Keeps every version of every order. Writing the same version again only refreshes its status
 * (a discharge does not change the wording), so a re-import of an unchanged order adds nothing;
 * a variation bumps the version first.
 */
export function record(
	db: Db,
	orders: readonly Order[],
	actorId: string | null,
	at = new Date()
): Promise<void> {
	return recordStored(
		db,
		orders.map((o) => ({ order: o, data: JSON.stringify(o) })),
		actorId,
		at
	);
}

/**
 * `record` for orders already serialised (as just written to `orders`): one JSON each. The
 * orders of a new subject have no versions yet: theirs go in as plain INSERTs.
 */
export async function recordStored(
	db: Db,
	orders: readonly { order: Order; data: string; isNew?: boolean }[],
	actorId: string | null,
	at = new Date()
): Promise<void> {
	const when = at.toISOString();
	const row = ({ order, data }: (typeof orders)[number]) => ({
		order_id: order.id,
		version: order.version,
		status: order.status,
		data,
		recorded_at: when,
		recorded_by: actorId
	});
	await insertRows(db, 'order_versions', orders.filter((o) => o.isNew).map(row));
	await upsertRows(db, 'order_versions', orders.filter((o) => !o.isNew).map(row), {
		conflict: ['order_id', 'version'],
		update: ['status', 'data']
	});
}

export interface OrderVersion {
	order: Order;
	recordedAt: string;
	recordedBy: string | null;
}

/** Oldest first. */
export async function history(db: Db, orderId: string): Promise<OrderVersion[]> {
	const rows = await db
		.selectFrom('order_versions')
		.selectAll()
		.where('order_id', '=', orderId)
		.orderBy('version')
		.execute();
	return rows.map((r) => ({
		order: JSON.parse(r.data) as Order,
		recordedAt: r.recorded_at,
		recordedBy: r.recorded_by
	}));
}
