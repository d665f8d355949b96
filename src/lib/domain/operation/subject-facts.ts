import type { Condition, CurfewCondition } from '../condition';
import { curfewWindowsBetween } from '../curfew';
import type { LatLng } from '../common';
import { calendarDaysBetween } from '../london-time';
import type { Order } from '../order';
import { isOrderActive } from '../order-status';
import { homeAddress, subjectDisplayName, type Address, type Subject } from '../subject';
import { operationalDayOf, type OperationalDayConfig, type Window } from './operational-day';
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

/**
 * What a list of rows for one shift can share: curfew windows by their times (most curfews are
 * 19:00–07:00) and operational days by calendar date. London time costs Intl calls; a list of
 * 5,000 subjects would otherwise spend its time there.
 */
export interface ShiftMemo {
	curfewWindows(curfew: CurfewCondition): { start: string; end: string }[];
	opDay(instant: Date): string;
	/** Calendar days from an operational day to the shift's. */
	daysTo(day: string): number;
}

export function shiftMemo(
	shift: Window & { date: string },
	config: OperationalDayConfig
): ShiftMemo {
	const days = new Map<string, number>();
	const windows = new Map<string, { start: string; end: string }[]>();
	return {
		curfewWindows(c) {
			const key = `${c.start}|${c.end}|${c.days?.join(',') ?? ''}`;
			let w = windows.get(key);
			if (!w) {
				w = curfewWindowsBetween(c, shift.start, shift.end).map((x) => ({
					start: x.start.toISOString(),
					end: x.end.toISOString()
				}));
				windows.set(key, w);
			}
			return w;
		},
		opDay: operationalDayOf(config),
		daysTo(day) {
			let n = days.get(day);
			if (n === undefined) days.set(day, (n = calendarDaysBetween(day, shift.date)));
			return n;
		}
	};
}

export function planningRow(
	facts: SubjectFacts,
	shift: Window & { date: string },
	extra: {
		lastVisit: LastVisit | null;
		openBreaches: number;
		assignment: PlanningRow['assignment'];
	},
	config: OperationalDayConfig,
	memo: ShiftMemo = shiftMemo(shift, config)
): PlanningRow {
	const from = shift.start.getTime();
	const soon = from + EXPIRY_WARNING_DAYS * DAY_MS;
	const ordersExpiringSoon = facts.orders
		.filter((o) => isOrderActive(o, shift.start) && o.expiresAt !== null)
		.filter((o) => new Date(o.expiresAt!).getTime() <= soon)
		.map((o) => ({ type: o.type, reference: o.reference, expiresAt: o.expiresAt! }));
	const curfews = facts.curfews
		.filter(({ order }) => isOrderActive(order, shift.start) || isOrderActive(order, shift.end))
		.flatMap(({ curfew }) => memo.curfewWindows(curfew));
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
		daysSinceLastCheck: last ? Math.max(0, memo.daysTo(memo.opDay(new Date(last.at)))) : null,
		openBreaches: extra.openBreaches,
		assignment: extra.assignment
	};
}
