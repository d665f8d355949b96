import { describe, expect, it } from 'vitest';
import type { SubjectBundle } from './caseload';
import type { Order } from './order';
import { haversineMatrix, optimiseRoute, travelTimeMatrix } from './route';
import { routePlanSchema, type RoutePlan } from './route-plan';
import {
	isPlanCurrent,
	moveStop,
	nextStop,
	pinsOf,
	planStops,
	routePoints,
	routeProblem,
	startOfLondonDay,
	stopPriority,
	togglePin,
	visitedForPlan,
	visitedSince,
	visitTarget
} from './route-plan-build';
import { policeStations, stationById, stationIds } from './stations';
import type { Address, RiskLevel } from './subject';

const uuid = () => crypto.randomUUID();
const SHIFT = 600;

function address(subjectId: string, kind: Address['kind'], lat: number, lon: number): Address {
	return {
		id: uuid(),
		subjectId,
		kind,
		lines: [`${kind === 'home' ? 12 : 3} Example Road`],
		town: 'Bedford',
		postcode: 'MK40 1AA',
		location: { lat, lon },
		accessNotes: ''
	};
}

function bundle(
	opts: {
		risk?: RiskLevel;
		wanted?: boolean;
		curfew?: 'home' | 'separate' | null;
		orderStatus?: Order['status'];
		noAddress?: boolean;
		lat?: number;
	} = {}
): SubjectBundle {
	const id = uuid();
	const home = address(id, 'home', opts.lat ?? 52.13, -0.46);
	const curfewAddress = address(id, 'curfew', 52.14, -0.5);
	const addresses = opts.noAddress ? [] : [home, curfewAddress];
	const curfewAt = opts.curfew === 'separate' ? curfewAddress : home;
	const order: Order = {
		id: uuid(),
		subjectId: id,
		type: 'court-bail',
		issuer: 'Bedford Magistrates’ Court',
		reference: 'BED-0001',
		startsAt: '2026-01-01T00:00:00Z',
		expiresAt: null,
		status: opts.orderStatus ?? 'active',
		version: 1,
		conditions: opts.curfew
			? [
					{
						id: uuid(),
						wording: 'Curfew 19:00 to 07:00',
						type: 'curfew',
						addressId: curfewAt.id,
						start: '19:00',
						end: '07:00',
						days: null
					}
				]
			: []
	};
	return {
		subject: {
			id,
			givenName: 'Sam',
			familyName: 'Example',
			aliases: [],
			dateOfBirth: '1990-01-01',
			photoUrl: null,
			risk: opts.risk ?? 'standard',
			warnings: [],
			wanted: opts.wanted ? { reason: 'Breach of bail', reference: 'WNT-1' } : null,
			updatedAt: '2026-11-01T00:00:00Z'
		},
		addresses,
		orders: [order],
		assignment: {
			id: uuid(),
			subjectId: id,
			officerId: uuid(),
			date: '2026-11-27',
			operation: null,
			priority: 1
		}
	};
}

const evening = new Date('2026-11-27T17:00:00Z');
const morning = new Date('2026-11-27T08:00:00Z');

describe('stations', () => {
	it('lists every station id once, each in Bedfordshire', () => {
		expect(policeStations.map((s) => s.id).sort()).toEqual([...stationIds].sort());
		for (const id of stationIds) {
			const { lat, lon } = stationById(id).location;
			expect(lat).toBeGreaterThan(51.8);
			expect(lat).toBeLessThan(52.33);
			expect(lon).toBeGreaterThan(-0.71);
			expect(lon).toBeLessThan(-0.14);
		}
	});
});

describe('stopPriority', () => {
	it('puts wanted first, then high, medium and standard risk', () => {
		expect(stopPriority({ risk: 'standard', wanted: { reason: 'x', reference: 'y' } })).toBe(1);
		expect(stopPriority({ risk: 'high', wanted: null })).toBe(0.6);
		expect(stopPriority({ risk: 'medium', wanted: null })).toBe(0.3);
		expect(stopPriority({ risk: 'standard', wanted: null })).toBe(0);
	});
});

describe('visitTarget', () => {
	it('sends the officer to the curfew address while the curfew is in force in the shift', () => {
		const b = bundle({ curfew: 'separate' });
		const target = visitTarget(b, evening, SHIFT, 15)!;
		expect(target.address.kind).toBe('curfew');
		expect(target.window).toEqual([120, 840]);
		expect(target.curfew?.start).toBe('19:00');
	});

	it('visits home with no window when the curfew is not in force during the shift', () => {
		const target = visitTarget(bundle({ curfew: 'separate' }), morning, SHIFT, 15)!;
		expect(target.address.kind).toBe('home');
		expect(target.window).toBeNull();
	});

	it('ignores the curfew of an order that is no longer in force', () => {
		const b = bundle({ curfew: 'separate', orderStatus: 'discharged' });
		const target = visitTarget(b, evening, SHIFT, 15)!;
		expect(target.address.kind).toBe('home');
		expect(target.window).toBeNull();
	});

	it('has nowhere to go when the device holds no address', () => {
		expect(visitTarget(bundle({ noAddress: true }), evening, SHIFT, 15)).toBeNull();
	});
});

describe('building the route problem', () => {
	const bundles = [
		bundle({ wanted: true, lat: 52.0 }),
		bundle({ risk: 'high', curfew: 'home', lat: 52.05 }),
		bundle({ noAddress: true }),
		bundle({ risk: 'medium', lat: 52.1 }),
		bundle({ lat: 52.15 })
	];
	const { stops, skipped } = planStops(bundles, evening, SHIFT, 15);
	const start = { label: 'Bedford Police Station', location: stationById('bedford').location };
	const end = { label: 'Luton Police Station', location: stationById('luton').location };

	function plan(over: Partial<RoutePlan> = {}): RoutePlan {
		const points = routePoints(start, stops, over.end === undefined ? null : over.end);
		const distance = haversineMatrix(points);
		const rows = (data: Float64Array) =>
			points.map((_, i) => Array.from(data.slice(i * points.length, (i + 1) * points.length)));
		return routePlanSchema.parse({
			version: 1,
			shiftStart: evening.toISOString(),
			shiftMin: SHIFT,
			start,
			end: null,
			serviceMin: 15,
			priorityWeight: 100,
			stops,
			order: stops.map((_, i) => i),
			pinned: [],
			travel: {
				model: 'great-circle',
				note: null,
				distanceM: rows(distance.data),
				travelMin: rows(travelTimeMatrix(distance).data)
			},
			updatedAt: evening.toISOString(),
			...over
		});
	}

	it('makes one stop per subject with an address, with priority and curfew window', () => {
		expect(skipped.map((b) => b.subject.id)).toEqual([bundles[2]!.subject.id]);
		expect(stops.map((s) => s.priority)).toEqual([1, 0.6, 0.3, 0]);
		expect(stops.map((s) => s.window)).toEqual([null, [120, 840], null, null]);
		expect(stops[1]!.curfew).toEqual({ start: '19:00', end: '07:00' });
		expect(stops[0]!.name).toBe('EXAMPLE, Sam');
		expect(stops[0]!.address).toBe('12 Example Road, Bedford MK40 1AA');
	});

	it('numbers the start 0 and the stops 1..m, closing the tour when the end is the start', () => {
		const problem = routeProblem(plan());
		expect(problem.end).toBe(0);
		expect(problem.stops).toEqual([
			{ id: stops[0]!.subjectId, serviceMin: 15, priority: 1 },
			{ id: stops[1]!.subjectId, serviceMin: 15, priority: 0.6, window: [120, 840] },
			{ id: stops[2]!.subjectId, serviceMin: 15, priority: 0.3 },
			{ id: stops[3]!.subjectId, serviceMin: 15, priority: 0 }
		]);
		expect(problem.priorityWeight).toBe(100);
		expect((problem.distanceM as number[][]).length).toBe(5);
	});

	it('ends at node m + 1 when the route ends elsewhere', () => {
		const p = plan({ end });
		expect(routeProblem(p).end).toBe(5);
		expect(p.travel.distanceM.length).toBe(6);
	});

	it('pins each pinned stop where it stands in the current order, and the optimiser keeps it', () => {
		const pinnedId = stops[3]!.subjectId;
		const p = plan({ order: [3, 0, 1, 2], pinned: [pinnedId] });
		expect(pinsOf(p)).toEqual([{ id: pinnedId, position: 0 }]);
		const result = optimiseRoute(routeProblem(p));
		expect(result.order[0]).toBe(3);
		expect([...result.order].sort()).toEqual([0, 1, 2, 3]);
	});

	it('refuses a saved plan whose order, matrices or pins do not fit its stops', () => {
		const good = plan();
		const bad = [
			{ ...good, order: [0, 1, 2] },
			{ ...good, order: [0, 1, 2, 2] },
			{ ...good, travel: { ...good.travel, distanceM: good.travel.distanceM.slice(1) } },
			{ ...good, end },
			{ ...good, pinned: [uuid()] }
		];
		for (const b of bad) expect(routePlanSchema.safeParse(b).success).toBe(false);
	});
});

describe('editing a plan by hand', () => {
	it('moves a stop up or down one place, and nowhere past either end', () => {
		expect(moveStop([0, 1, 2, 3], 2, -1)).toEqual([0, 2, 1, 3]);
		expect(moveStop([0, 1, 2, 3], 2, 1)).toEqual([0, 1, 3, 2]);
		expect(moveStop([0, 1, 2, 3], 0, -1)).toEqual([0, 1, 2, 3]);
		expect(moveStop([0, 1, 2, 3], 3, 1)).toEqual([0, 1, 2, 3]);
	});

	it('toggles a pin', () => {
		expect(togglePin([], 'a')).toEqual(['a']);
		expect(togglePin(['a', 'b'], 'a')).toEqual(['b']);
	});
});

describe('visited today', () => {
	it('starts the London day at midnight local time, in BST and GMT', () => {
		// 00:30 BST on 2 July is still 1 July in UTC.
		expect(startOfLondonDay(new Date('2026-07-01T23:30:00Z')).toISOString()).toBe(
			'2026-07-01T23:00:00.000Z'
		);
		expect(startOfLondonDay(new Date('2026-11-27T22:30:00Z')).toISOString()).toBe(
			'2026-11-27T00:00:00.000Z'
		);
	});

	it('counts subjects with a visit started since then', () => {
		const since = new Date('2026-11-27T00:00:00Z');
		const visits = [
			{ subjectId: 'a', startedAt: '2026-11-26T23:59:00Z' },
			{ subjectId: 'b', startedAt: '2026-11-27T00:00:00Z' },
			{ subjectId: 'c', startedAt: '2026-11-27T19:30:00+00:00' }
		];
		expect([...visitedSince(visits, since)].sort()).toEqual(['b', 'c']);
	});
});

describe('the next stop after a visit', () => {
	const stop = (subjectId: string) => ({ subjectId }) as RoutePlan['stops'][number];
	const plan = { stops: [stop('a'), stop('b'), stop('c')], order: [2, 0, 1] };

	it('is the first stop in visiting order not yet visited', () => {
		expect(nextStop(plan, new Set())).toMatchObject({ position: 0, remaining: 3 });
		expect(nextStop(plan, new Set(['c']))?.stop.subjectId).toBe('a');
		expect(nextStop(plan, new Set(['c', 'b']))).toMatchObject({ position: 1, remaining: 1 });
	});

	it('is none once every stop is visited', () => {
		expect(nextStop(plan, new Set(['a', 'b', 'c']))).toBeNull();
	});

	it('counts visits from the start of the shift’s operational day, through midnight', () => {
		const night = { shiftStart: '2026-11-27T22:00:00Z' };
		const visits = [
			{ subjectId: 'a', startedAt: '2026-11-27T09:00:00Z' },
			{ subjectId: 'b', startedAt: '2026-11-28T01:15:00Z' },
			{ subjectId: 'c', startedAt: '2026-11-26T23:00:00Z' }
		];
		expect([...visitedForPlan(night, visits)].sort()).toEqual(['a', 'b']);
	});

	it('stops suggesting a day after the shift began', () => {
		const p = { shiftStart: '2026-11-27T17:00:00Z' };
		expect(isPlanCurrent(p, new Date('2026-11-28T16:59:00Z'))).toBe(true);
		expect(isPlanCurrent(p, new Date('2026-11-28T17:00:00Z'))).toBe(false);
	});
});
