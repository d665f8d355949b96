/**
 * Whether an order binds the subject right now, judged from its dates as well as its stored
 * status: a device may be days out of date, and must still show an expired order as expired.
 */
import type { Condition } from './condition';
import {
	calendarDaysBetween,
	formatLondonDate,
	formatLondonTime,
	londonDate,
	londonParts
} from './london-time';
import type { Order, OrderStatus } from './order';

export type EffectiveOrderStatus = OrderStatus | 'not-yet-in-force';

export type OrderTiming = Pick<Order, 'startsAt' | 'expiresAt' | 'status'>;

/** A condition of an in-force order, with the order version an officer's check is recorded against. */
export type ActiveCondition = { orderId: string; orderVersion: number; condition: Condition };

/** Beyond this many days a date reads better than a count ('expires 3 Mar 2027'). */
const COUNT_DAYS_UP_TO = 14;

/**
 * Discharged and expired stay so whatever the dates say. Otherwise an order has expired once its
 * expiry instant is reached (expiry is exclusive) and is in force from its start instant
 * (inclusive); a varied order is in force under its new version.
 */
export function effectiveOrderStatus(order: OrderTiming, at: Date): EffectiveOrderStatus {
	if (order.status === 'discharged' || order.status === 'expired') return order.status;
	const t = at.getTime();
	if (order.expiresAt !== null && Date.parse(order.expiresAt) <= t) return 'expired';
	if (Date.parse(order.startsAt) > t) return 'not-yet-in-force';
	return order.status;
}

export function isOrderActive(order: OrderTiming, at: Date): boolean {
	const status = effectiveOrderStatus(order, at);
	return status === 'active' || status === 'varied';
}

export function activeConditions(orders: readonly Order[], at: Date): ActiveCondition[] {
	return orders
		.filter((order) => isOrderActive(order, at))
		.flatMap((order) =>
			order.conditions.map((condition) => ({
				orderId: order.id,
				orderVersion: order.version,
				condition
			}))
		);
}

const isLondonMidnight = (instant: Date) => {
	const p = londonParts(instant);
	return p.hour === 0 && p.minute === 0;
};

/**
 * A short UK-English phrase for a list or a card, counted in Europe/London calendar days:
 * 'expires today at 17:00', 'expires tomorrow', 'expires in 3 days', 'expired yesterday',
 * 'no end date', 'starts 1 Dec 2026'.
 */
export function expiryLabel(order: OrderTiming, at: Date): string {
	const status = effectiveOrderStatus(order, at);
	const today = londonDate(at);
	if (status === 'discharged') return 'discharged';
	if (status === 'not-yet-in-force') {
		const starts = new Date(order.startsAt);
		return londonDate(starts) === today
			? `starts today at ${formatLondonTime(starts)}`
			: `starts ${formatLondonDate(starts)}`;
	}
	if (order.expiresAt === null) return status === 'expired' ? 'expired' : 'no end date';
	const expires = new Date(order.expiresAt);
	const days = calendarDaysBetween(today, londonDate(expires));
	// Orders often run "until midnight": say so rather than 'expires tomorrow'.
	const midnight = isLondonMidnight(expires);
	if (status === 'expired') {
		// Marked expired by the court before its expiry date: no count would be honest.
		if (days > 0) return 'expired';
		if (days === 0 && midnight) return 'expired at midnight last night';
		if (days === 0) return `expired today at ${formatLondonTime(expires)}`;
		if (days === -1) return 'expired yesterday';
		if (-days <= COUNT_DAYS_UP_TO) return `expired ${-days} days ago`;
		return `expired ${formatLondonDate(expires)}`;
	}
	if (days === 0) return `expires today at ${formatLondonTime(expires)}`;
	if (days === 1) return midnight ? 'expires at midnight tonight' : 'expires tomorrow';
	if (days <= COUNT_DAYS_UP_TO) return `expires in ${days} days`;
	return `expires ${formatLondonDate(expires)}`;
}
