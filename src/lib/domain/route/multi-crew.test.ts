import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { haversineM } from '../geo';
import { bedfordshireCrewProblem, STATION } from './crew-instances';
import {
	multiCrewProblemSchema,
	planCrews,
	type CrewStop,
	type MultiCrewPlan,
	type MultiCrewProblem
} from './multi-crew';

const minutes = (a: { lat: number; lng: number }, b: { lat: number; lng: number }) =>
	(haversineM({ lat: a.lat, lon: a.lng }, { lat: b.lat, lon: b.lng }) * 1.3) / (40_000 / 60);

/**
 * Re-derives every figure of a plan from the problem alone (independent of the optimiser's code):
 * each stop once, arrivals, travel, duration and which stops are late.
 */
function checkPlan(problem: MultiCrewProblem, plan: MultiCrewPlan): void {
	const seen = [...plan.routes.flatMap((r) => r.stopIds), ...plan.unassigned];
	expect([...seen].sort()).toEqual(problem.stops.map((s) => s.id).sort());
	const byId = new Map(problem.stops.map((s) => [s.id, s]));
	expect(plan.routes.map((r) => r.crewId)).toEqual(problem.crews.map((c) => c.id));
	plan.routes.forEach((route, k) => {
		const crew = problem.crews[k]!;
		let at = crew.start;
		let t = 0;
		let travel = 0;
		const late: string[] = [];
		route.stopIds.forEach((id, i) => {
			const stop = byId.get(id)!;
			travel += minutes(at, stop);
			t = Math.max(t + minutes(at, stop), stop.window?.open ?? -Infinity);
			expect(route.arrivals[i]).toBeCloseTo(t, 1);
			if (t > (stop.window?.close ?? Infinity) + 1e-6) late.push(id);
			else if (t + stop.serviceMinutes > crew.shiftMinutes + 1e-6) late.push(id);
			t += stop.serviceMinutes;
			at = stop;
		});
		if (route.stopIds.length > 0) {
			travel += minutes(at, crew.end ?? crew.start);
			t += minutes(at, crew.end ?? crew.start);
		}
		expect(route.travelMinutes).toBeCloseTo(travel, 1);
		expect(route.durationMinutes).toBeCloseTo(t, 1);
		expect(route.late).toEqual(late);
	});
}

/** The iteration cap, not the clock, ends these searches: a loaded machine must not change them. */
const NO_CLOCK = { timeLimitMs: 60_000 };

const work = (plan: MultiCrewPlan) => plan.routes.map((r) => r.travelMinutes + r.serviceMinutes);

describe('planCrews', () => {
	it('assigns every stop exactly once or reports it, with arrivals that add up (property)', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 1, max: 10_000 }),
				fc.integer({ min: 0, max: 14 }),
				fc.integer({ min: 1, max: 4 }),
				fc.integer({ min: 0, max: 3 }),
				fc.integer({ min: 90, max: 480 }),
				(seed, stops, crews, pins, shiftMinutes) => {
					const problem = bedfordshireCrewProblem(seed, stops, crews, {
						pins,
						shiftMinutes,
						windowShare: 0.5
					});
					const plan = planCrews(problem);
					checkPlan(problem, plan);
					// Pinned stops stay with their crew; only they may be late or run over the shift.
					for (const stop of problem.stops.filter((s) => s.pinnedCrew)) {
						expect(plan.routes.find((r) => r.crewId === stop.pinnedCrew)!.stopIds).toContain(
							stop.id
						);
					}
					const pinned = new Set(problem.stops.filter((s) => s.pinnedCrew).map((s) => s.id));
					for (const route of plan.routes) {
						for (const id of route.late) expect(pinned.has(id)).toBe(true);
						if (!route.stopIds.some((id) => pinned.has(id))) {
							expect(route.durationMinutes).toBeLessThanOrEqual(shiftMinutes + 1e-6);
						}
					}
				}
			),
			{ numRuns: 40 }
		);
	});

	it('keeps every window when some plan keeps them all', () => {
		// Windows cut around a plan that meets them: each crew's stops along a spoke from the station.
		const spokes = [0, 1, 2].map((k) => ({
			dLat: 0.03 * Math.cos(k * 2.1),
			dLng: 0.045 * Math.sin(k * 2.1)
		}));
		const stops: CrewStop[] = [];
		spokes.forEach((spoke, k) => {
			let t = 0;
			let at = STATION;
			for (let i = 1; i <= 5; i++) {
				const here = { lat: STATION.lat + spoke.dLat * i, lng: STATION.lng + spoke.dLng * i };
				t += minutes(at, here);
				stops.push({
					id: `s${k}-${i}`,
					...here,
					serviceMinutes: 10,
					priority: 0,
					window: { open: t - 5, close: t + 5 }
				});
				t += 10;
				at = here;
			}
		});
		const problem = {
			crews: [1, 2, 3].map((k) => ({ id: `c${k}`, start: STATION, shiftMinutes: 300 })),
			stops
		};
		const plan = planCrews({ ...problem, ...NO_CLOCK });
		checkPlan(problem, plan);
		expect(plan.unassigned).toEqual([]);
		expect(plan.routes.flatMap((r) => r.late)).toEqual([]);
	});

	it('leaves out what no shift can take, and never the wanted person first', () => {
		const problem = bedfordshireCrewProblem(5, 30, 2, { shiftMinutes: 150, windowShare: 0 });
		problem.stops[0]!.priority = 1;
		const plan = planCrews({ ...problem, ...NO_CLOCK });
		checkPlan(problem, plan);
		expect(plan.unassigned.length).toBeGreaterThan(0);
		expect(plan.unassigned).not.toContain(problem.stops[0]!.id);
		for (const route of plan.routes) expect(route.durationMinutes).toBeLessThanOrEqual(150);
	});

	it('visits the higher-priority stop first when the order costs nothing else', () => {
		const place = { lat: 52.2, lng: -0.4 };
		const stops: CrewStop[] = [
			{ id: 'standard', ...place, serviceMinutes: 20, priority: 0 },
			{ id: 'wanted', ...place, serviceMinutes: 20, priority: 1 }
		];
		const plan = planCrews({ crews: [{ id: 'c', start: STATION, shiftMinutes: 480 }], stops });
		expect(plan.routes[0]!.stopIds).toEqual(['wanted', 'standard']);
	});

	it('balances a clustered caseload better than an even split in list order', () => {
		// Two towns far apart; stops listed town by town, as an export would list them.
		const problem = bedfordshireCrewProblem(11, 40, 4, { towns: 2, windowShare: 0 });
		problem.stops.sort((a, b) => a.id.localeCompare(b.id));
		const plan = planCrews({ ...problem, ...NO_CLOCK });
		const size = Math.ceil(problem.stops.length / problem.crews.length);
		const naive = problem.crews.map(
			(crew, k) =>
				planCrews({
					crews: [crew],
					stops: problem.stops.slice(k * size, (k + 1) * size),
					...NO_CLOCK
				}).routes[0]!
		);
		const naiveWork = naive.map((r) => r.travelMinutes + r.serviceMinutes);
		const spread = (xs: number[]) => Math.max(...xs) - Math.min(...xs);
		expect(plan.unassigned).toEqual([]);
		expect(spread(work(plan))).toBeLessThan(spread(naiveWork));
		expect(Math.max(...work(plan))).toBeLessThan(Math.max(...naiveWork));
	});

	it('is deterministic for a seed', () => {
		const problem = { ...bedfordshireCrewProblem(3, 40, 4, { pins: 3 }), ...NO_CLOCK, seed: 9 };
		expect(planCrews(problem)).toEqual(planCrews(problem));
	});

	it('returns a complete plan when the time limit cuts the search short', () => {
		const problem = { ...bedfordshireCrewProblem(8, 60, 6, { pins: 4 }), timeLimitMs: 1 };
		checkPlan(problem, planCrews(problem));
	});

	it('handles no crews and no stops', () => {
		const problem = bedfordshireCrewProblem(1, 5, 2);
		expect(planCrews({ ...problem, crews: [] })).toEqual({
			routes: [],
			unassigned: problem.stops.map((s) => s.id)
		});
		const empty = planCrews({ ...problem, stops: [] });
		expect(empty.unassigned).toEqual([]);
		expect(empty.routes.map((r) => r.durationMinutes)).toEqual([0, 0]);
	});

	it('rejects a pin to an unknown crew, duplicate ids and inverted windows', () => {
		const problem = bedfordshireCrewProblem(1, 3, 2);
		const stops = problem.stops;
		expect(() =>
			planCrews({ ...problem, stops: [{ ...stops[0]!, pinnedCrew: 'nobody' }] })
		).toThrow(RangeError);
		expect(() => planCrews({ ...problem, stops: [stops[0]!, stops[0]!] })).toThrow(RangeError);
		const inverted = { ...stops[0]!, window: { open: 60, close: 30 } };
		expect(() => planCrews({ ...problem, stops: [inverted] })).toThrow(RangeError);
		expect(multiCrewProblemSchema.safeParse({ ...problem, stops: [inverted] }).success).toBe(false);
		expect(multiCrewProblemSchema.parse(problem)).toEqual(problem);
	});
});
