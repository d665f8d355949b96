import type { Order } from '$lib/domain/order';
import type { Db } from './connection';

/**
 * Keeps every version of every order. Writing the same version again only refreshes its status
 * (a discharge does not change the wording), so a re-import of an unchanged order adds nothing;
 * a variation bumps the version first.
 */
export async function record(
	db: Db,
	orders: readonly Order[],
	actorId: string | null,
	at = new Date()
): Promise<void> {
	const when = at.toISOString();
	for (const o of orders) {
		await db
			.insertInto('order_versions')
			.values({
				order_id: o.id,
				version: o.version,
				status: o.status,
				data: JSON.stringify(o),
				recorded_at: when,
				recorded_by: actorId
			})
			.onConflict((oc) =>
				oc.columns(['order_id', 'version']).doUpdateSet((eb) => ({
					status: eb.ref('excluded.status'),
					data: eb.ref('excluded.data')
				}))
			)
			.execute();
	}
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
