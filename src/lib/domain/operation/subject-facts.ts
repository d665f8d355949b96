import type { Condition, CurfewCondition } from '../condition';
import { curfewWindowsBetween } from '../curfew';
import type { LatLng } from '../common';
import { calendarDaysBetween } from '../london-time';
import type { Order } from '../order';
import { isOrderActive } from '../order-status';
import { homeAddress, subjectDisplayName, type Address, type Subject } from '../subject';
import { operationalDay, type OperationalDayConfig, type Window } from './operational-day';
import type { LastVisit, PlanningRow } from './plan';

/**
 * What the planning list needs of a subject, boiled down once from its stored documents (the
 * server keeps these until the subject changes) and then put against a shift.
 */
export interface SubjectFacts {
	subjectId: string;
	name: string;
	risk: Subject['risk'];
	wanted: Subject['wanted'];
	warnings: Subject['warnings'];
	town: string;
	postcode: string;
	location: LatLng | null;
	orders: Pick<Order, 'type' | 'reference' | 'status' | 'startsAt' | 'expiresAt'>[];
	/** Curfews of orders not discharged, with their order's timing to check it is in force. */
	curfews: { order: Pick<Order, 'status' | 'startsAt' | 'expiresAt'>; curfew: CurfewCondition }[];
}

export function subjectFacts(
	subject: Subject,
	addresses: Address[],
	orders: Order[]
): SubjectFacts {
	const home = homeAddress(addresses);
	const live = orders.filter((o) => o.status !== 'discharged');
	return {
		subjectId: subject.id,
		name: subjectDisplayName(subject),
		risk: subject.risk,
		wanted: subject.wanted,
		warnings: subject.warnings,
		town: home?.town ?? '',
		postcode: home?.postcode ?? '',
		location: home?.location ?? null,
		orders: live.map((o) => ({
			type: o.type,
			reference: o.reference,
			status: o.status,
			startsAt: o.startsAt,
			expiresAt: o.expiresAt
		})),
		curfews: live.flatMap((o) =>
			o.conditions
				.filter((c: Condition): c is CurfewCondition => c.type === 'curfew')
				.map((curfew) => ({ order: o, curfew }))
		)
	};
}

/** Orders expiring within this many days of the shift count as "expiring soon". */
export const EXPIRY_WARNING_DAYS = 14;
const DAY_MS = 86_400_000;

export function planningRow(
	facts: SubjectFacts,
	shift: Window & { date: string },
	extra: {
		lastVisit: LastVisit | null;
		openBreaches: number;
		assignment: PlanningRow['assignment'];
	},
	config: OperationalDayConfig
): PlanningRow {
	const from = shift.start.getTime();
	const soon = from + EXPIRY_WARNING_DAYS * DAY_MS;
	const ordersExpiringSoon = facts.orders
		.filter((o) => isOrderActive(o, shift.start) && o.expiresAt !== null)
		.filter((o) => new Date(o.expiresAt!).getTime() <= soon)
		.map((o) => ({ type: o.type, reference: o.reference, expiresAt: o.expiresAt! }));
	const curfews = facts.curfews
		.filter(({ order }) => isOrderActive(order, shift.start) || isOrderActive(order, shift.end))
		.flatMap(({ curfew }) => curfewWindowsBetween(curfew, shift.start, shift.end))
		.map((w) => ({ start: w.start.toISOString(), end: w.end.toISOString() }));
	const last = extra.lastVisit;
	return {
		subjectId: facts.subjectId,
		name: facts.name,
		risk: facts.risk,
		wanted: facts.wanted,
		warnings: facts.warnings,
		town: facts.town,
		postcode: facts.postcode,
		location: facts.location,
		ordersExpiringSoon,
		curfews,
		lastVisit: last,
		daysSinceLastCheck: last
			? Math.max(0, calendarDaysBetween(operationalDay(new Date(last.at), config), shift.date))
			: null,
		openBreaches: extra.openBreaches,
		assignment: extra.assignment
	};
}
