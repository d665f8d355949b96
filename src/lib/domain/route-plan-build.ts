/**
 * From the officer's caseload to the optimiser's RouteProblem, and back: which address each
 * subject is visited at, with what window and priority, and the plan edits the route screen makes
 * (pin, move) as pure functions of the saved plan.
 */
import type { SubjectBundle } from './caseload';
import type { LatLng } from './common';
import type { CurfewCondition } from './condition';
import { londonDate, londonWallTimeToInstant } from './london-time';
import {
	defaultOperationalDay,
	todayWindow,
	type OperationalDayConfig
} from './operation/operational-day';
import { activeConditions } from './order-status';
import type { PinnedStop, RouteProblem } from './route';
import type { MinuteWindow, PlanStop, RoutePlan, RoutePlace } from './route-plan';
import { firstCurfewCheck } from './route-plan-windows';
import {
	addressLine,
	homeAddress,
	subjectDisplayName,
	type Address,
	type Subject
} from './subject';

const riskPriority = { high: 0.6, medium: 0.3, standard: 0 } as const;

/** How much earlier a stop should come: a wanted person is a priority arrest. */
export function stopPriority(subject: Pick<Subject, 'risk' | 'wanted'>): number {
	return subject.wanted ? 1 : riskPriority[subject.risk];
}

export interface VisitTarget {
	address: Address;
	window: MinuteWindow | null;
	curfew: CurfewCondition | null;
}

/**
 * Where to visit a subject in this shift: the curfew address while a curfew is in force there
 * (the check that proves most), otherwise home, otherwise the first address held. Null when the
 * device holds no address for them.
 */
export function visitTarget(
	bundle: SubjectBundle,
	shiftStart: Date,
	shiftMin: number,
	serviceMin: number
): VisitTarget | null {
	const curfews = activeConditions(bundle.orders, shiftStart)
		.map((c) => c.condition)
		.filter((c): c is CurfewCondition => c.type === 'curfew')
		.filter((c) => bundle.addresses.some((a) => a.id === c.addressId));
	const check = firstCurfewCheck(curfews, shiftStart, shiftMin, serviceMin);
	if (check) {
		const address = bundle.addresses.find((a) => a.id === check.curfew.addressId)!;
		return { address, window: check.window, curfew: check.curfew };
	}
	const address = homeAddress(bundle.addresses);
	return address ? { address, window: null, curfew: null } : null;
}

export interface PlanStopsResult {
	stops: PlanStop[];
	/** Subjects left out because the device holds no address for them. */
	skipped: SubjectBundle[];
}

export function planStops(
	bundles: readonly SubjectBundle[],
	shiftStart: Date,
	shiftMin: number,
	serviceMin: number
): PlanStopsResult {
	const stops: PlanStop[] = [];
	const skipped: SubjectBundle[] = [];
	for (const bundle of bundles) {
		const target = visitTarget(bundle, shiftStart, shiftMin, serviceMin);
		if (!target) {
			skipped.push(bundle);
			continue;
		}
		const { subject } = bundle;
		stops.push({
			subjectId: subject.id,
			addressId: target.address.id,
			name: subjectDisplayName(subject),
			address: addressLine(target.address),
			location: target.address.location,
			risk: subject.risk,
			wanted: subject.wanted !== null,
			priority: stopPriority(subject),
			window: target.window,
			curfew: target.curfew ? { start: target.curfew.start, end: target.curfew.end } : null
		});
	}
	return { stops, skipped };
}

/** Matrix nodes: the start, each stop, then the end when it is not the start. */
export function routePoints(
	start: RoutePlace,
	stops: readonly Pick<PlanStop, 'location'>[],
	end: RoutePlace | null
): LatLng[] {
	return [start.location, ...stops.map((s) => s.location), ...(end ? [end.location] : [])];
}

/** Pins as the optimiser wants them: each pinned stop at its place in the current order. */
export function pinsOf(plan: Pick<RoutePlan, 'stops' | 'order' | 'pinned'>): PinnedStop[] {
	return plan.pinned.map((id) => ({
		id,
		position: plan.order.findIndex((i) => plan.stops[i]?.subjectId === id)
	}));
}

export function routeProblem(
	plan: Pick<
		RoutePlan,
		'stops' | 'order' | 'pinned' | 'end' | 'travel' | 'serviceMin' | 'priorityWeight'
	>
): RouteProblem {
	return {
		distanceM: plan.travel.distanceM,
		travelMin: plan.travel.travelMin,
		stops: plan.stops.map((s) => ({
			id: s.subjectId,
			serviceMin: plan.serviceMin,
			priority: s.priority,
			...(s.window ? { window: s.window } : {})
		})),
		end: plan.end ? plan.stops.length + 1 : 0,
		pinned: pinsOf(plan),
		priorityWeight: plan.priorityWeight
	};
}

/** Swaps the stop at `position` with its neighbour; pins travel with their stop. */
export function moveStop(order: readonly number[], position: number, delta: -1 | 1): number[] {
	const to = position + delta;
	if (position < 0 || position >= order.length || to < 0 || to >= order.length) return [...order];
	const next = [...order];
	[next[position], next[to]] = [next[to]!, next[position]!];
	return next;
}

export function togglePin(pinned: readonly string[], subjectId: string): string[] {
	return pinned.includes(subjectId)
		? pinned.filter((id) => id !== subjectId)
		: [...pinned, subjectId];
}

/** Midnight at the start of the London day containing `instant`. */
export function startOfLondonDay(instant: Date): Date {
	return londonWallTimeToInstant(londonDate(instant), '00:00');
}

/** Subjects with a finalised visit started at or after `since`. */
export function visitedSince(
	visits: readonly { subjectId: string; startedAt: string }[],
	since: Date
): Set<string> {
	const from = since.getTime();
	return new Set(visits.filter((v) => Date.parse(v.startedAt) >= from).map((v) => v.subjectId));
}

/** A plan suggests next stops for a day after its shift began; after that it is yesterday's. */
const PLAN_CURRENT_MS = 24 * 3_600_000;

export function isPlanCurrent(plan: Pick<RoutePlan, 'shiftStart'>, now: Date): boolean {
	const age = now.getTime() - Date.parse(plan.shiftStart);
	return age < PLAN_CURRENT_MS;
}

/**
 * Subjects counted as visited for a plan: visits since the start of the operational day its
 * shift began in (a night shift that crosses midnight is one day, not two).
 */
export function visitedForPlan(
	plan: Pick<RoutePlan, 'shiftStart'>,
	visits: readonly { subjectId: string; startedAt: string }[],
	config: OperationalDayConfig = defaultOperationalDay
): Set<string> {
	return visitedSince(visits, todayWindow(new Date(plan.shiftStart), config).start);
}

export interface NextStop {
	stop: PlanStop;
	/** 0-based place in the visiting order. */
	position: number;
	/** Stops not yet visited, this one included. */
	remaining: number;
}

/** The first stop in visiting order whose subject has not been visited; null when all have. */
export function nextStop(
	plan: Pick<RoutePlan, 'stops' | 'order'>,
	visited: ReadonlySet<string>
): NextStop | null {
	const left = plan.order.filter((i) => !visited.has(plan.stops[i]!.subjectId));
	const first = left[0];
	if (first === undefined) return null;
	return { stop: plan.stops[first]!, position: plan.order.indexOf(first), remaining: left.length };
}
