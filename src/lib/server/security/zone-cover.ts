import { createHmac } from 'node:crypto';
import type { Condition } from '$lib/domain/condition';
import type { Order } from '$lib/domain/order';
import { coverZone } from '$lib/domain/protected-zone';
import { serverSecret } from '../crypto/secrets';
import type { Db } from '../db/connection';

/**
 * Replaces every protected-premises zone in what goes to a device with its covering circle
 * (domain/protected-zone.ts). Applied where orders leave the server: the caseload feed and the
 * subject read. The true zone stays in the server database only.
 */
export const ZONE_OFFSET_SECRET = 'zone-offset';

export async function coverOrders<T extends { orders: Order[] }>(db: Db, items: T[]): Promise<T[]> {
	if (!items.some((i) => i.orders.some(hasProtectedGeometry))) return items;
	const secret = await serverSecret(db, ZONE_OFFSET_SECRET);
	const cover = (c: Condition): Condition => {
		if (c.type !== 'exclusion-zone' || !c.protectedPremises || c.zone.shape === 'named') return c;
		const random = createHmac('sha256', secret).update(`zone-offset-v1|${c.id}`).digest();
		return { ...c, zone: coverZone(c.zone, random) };
	};
	return items.map((i) => ({
		...i,
		orders: i.orders.map((o) => ({ ...o, conditions: o.conditions.map(cover) }))
	}));
}

function hasProtectedGeometry(o: Order): boolean {
	return o.conditions.some(
		(c) => c.type === 'exclusion-zone' && c.protectedPremises && c.zone.shape !== 'named'
	);
}
