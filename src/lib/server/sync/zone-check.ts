import { pointInZone } from '$lib/domain/geo';
import type { Order } from '$lib/domain/order';
import type { Visit } from '$lib/domain/visit';

/**
 * The server's own check of a visit's position against the TRUE protected-premises zones of
 * the subject's orders (the device only had covering circles, so it could only say "possible
 * breach"). Stored on the visit as JSON; `toleranceM` is the fix's stated accuracy, so an
 * uncertain fix near an edge is 'boundary', never 'outside'.
 */
export interface ZoneCheck {
	status: 'checked' | 'no-position' | 'no-protected-zones';
	results: { orderId: string; conditionId: string; relation: 'inside' | 'boundary' | 'outside' }[];
}

export function checkProtectedZones(visit: Visit, orders: readonly Order[]): ZoneCheck {
	const zones = orders.flatMap((o) =>
		o.status === 'active' || o.status === 'varied'
			? o.conditions.flatMap((c) =>
					c.type === 'exclusion-zone' && c.protectedPremises && c.zone.shape !== 'named'
						? [{ orderId: o.id, conditionId: c.id, zone: c.zone }]
						: []
				)
			: []
	);
	if (zones.length === 0) return { status: 'no-protected-zones', results: [] };
	if (!visit.position) return { status: 'no-position', results: [] };
	const at = { lat: visit.position.lat, lon: visit.position.lon };
	return {
		status: 'checked',
		results: zones.map((z) => ({
			orderId: z.orderId,
			conditionId: z.conditionId,
			relation: pointInZone(at, z.zone, visit.position!.accuracyM)
		}))
	};
}
