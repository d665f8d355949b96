import { describe, expect, it } from 'vitest';
import { nearestNeighbourOrder } from './construct';
import { optimiseRoute } from './optimise';
import { compileProblem, type RouteProblem } from './problem';
import { evaluate, isPermutation, routeCost } from './schedule';
import { bruteForceCost, randomInstance, type InstanceOptions } from './test-instances';

function costOf(problem: RouteProblem, order: number[]): number {
	return routeCost(compileProblem(problem), order);
}

describe('optimiseRoute against brute force (every order tried)', () => {
	const cases: [string, number, InstanceOptions][] = [
		['plain closed tour', 9, {}],
		['plain closed tour', 7, {}],
		['feasible windows', 9, { windows: 'feasible' }],
		['feasible windows', 8, { windows: 'feasible' }],
		['tight windows', 8, { windows: 'tight' }],
		['priorities', 8, { priority: true }],
		['open route', 8, { open: true }],
		['one-way matrix', 8, { asymmetric: true }],
		['pinned stops', 8, { pins: 2 }],
		['everything at once', 8, { windows: 'feasible', priority: true, open: true, pins: 1 }]
	];

	for (const [label, m, options] of cases) {
		it(`finds the optimum: ${label}, ${m} stops, several seeds`, () => {
			for (const seed of [1, 2, 3]) {
				const problem = randomInstance(seed * 1000 + m, m, options);
				const result = optimiseRoute(problem, { seed });
				const best = bruteForceCost(problem);
				expect(costOf(problem, result.order)).toBeLessThanOrEqual(best * (1 + 1e-9) + 1e-6);
			}
		});
	}
});

describe('optimiseRoute', () => {
	const larger: [number, InstanceOptions][] = [
		[40, {}],
		[20, { windows: 'feasible', priority: true }],
		[25, { open: true, asymmetric: true }],
		[15, { windows: 'tight', pins: 3 }]
	];

	it('finds the hull order when every stop lies on a circle (the known optimum)', () => {
		// 60 stops shuffled around a circle: any crossing or detour is longer than the polygon.
		const angles = Array.from({ length: 60 }, (_, i) => (i * 37) % 60);
		const points = [0, ...angles].map((a) => ({
			x: 1000 * Math.cos((a / 60) * 2 * Math.PI),
			y: 1000 * Math.sin((a / 60) * 2 * Math.PI)
		}));
		const distanceM = points.map((a) => points.map((b) => Math.hypot(a.x - b.x, a.y - b.y)));
		const result = optimiseRoute({ distanceM, stops: angles.map((a) => ({ id: `${a}` })) });
		const side = 2 * 1000 * Math.sin(Math.PI / 60);
		expect(result.lengthM).toBeCloseTo(60 * side, 6);
	});

	it('is never worse than nearest neighbour', () => {
		for (const [m, options] of larger) {
			const problem = randomInstance(m, m, options);
			const p = compileProblem(problem);
			const result = optimiseRoute(problem);
			expect(routeCost(p, result.order)).toBeLessThanOrEqual(
				routeCost(p, nearestNeighbourOrder(p))
			);
		}
	});

	it('returns the same order for the same seed', () => {
		for (const [m, options] of larger) {
			const problem = randomInstance(m + 1, m, options);
			const a = optimiseRoute(problem, { seed: 5 });
			const b = optimiseRoute(problem, { seed: 5 });
			expect(b.order).toEqual(a.order);
			expect(b.iterations).toBe(a.iterations);
		}
	});

	it('keeps pinned stops where they were pinned', () => {
		const problem = randomInstance(11, 20, { windows: 'feasible', pins: 4 });
		const result = optimiseRoute(problem);
		for (const pin of problem.pinned!) {
			expect(problem.stops[result.order[pin.position]!]!.id).toBe(pin.id);
		}
	});

	it('meets every window when some order can', () => {
		for (const seed of [1, 2, 3]) {
			const problem = randomInstance(seed, 20, { windows: 'feasible' });
			expect(optimiseRoute(problem, { seed }).feasible).toBe(true);
		}
	});

	it('reports the schedule of the order it returns', () => {
		const problem = randomInstance(3, 12, { windows: 'tight', priority: true });
		const result = optimiseRoute(problem);
		expect(isPermutation(result.order, 12)).toBe(true);
		const { order, iterations, stoppedBy, ...schedule } = result;
		expect(schedule).toEqual(evaluate(compileProblem(problem), order));
		expect(iterations).toBeGreaterThan(0);
		expect(stoppedBy).toBe('iterations');
	});

	it('brings a wanted person forward when it costs nothing', () => {
		// Depot at 0 and stops along one road; any out-and-back order is 10 km, so the wanted
		// person at the far end can be seen first instead of 40 minutes later for nothing.
		const km = [0, 1, 2, 3, 4, 5];
		const problem: RouteProblem = {
			distanceM: km.map((a) => km.map((b) => Math.abs(a - b) * 1000)),
			stops: km.slice(1).map((k) => ({ id: `${k}km`, serviceMin: 10, priority: k === 5 ? 1 : 0 }))
		};
		const weighted = optimiseRoute(problem);
		expect(weighted.lengthM).toBe(10_000);
		expect(weighted.order[0]).toBe(4);
		expect(optimiseRoute({ ...problem, priorityWeight: 0 }).lengthM).toBe(10_000);
	});

	it('stops at the time budget, still with a valid order no worse than the start', () => {
		let clock = 0;
		const problem = randomInstance(9, 60, {});
		const p = compileProblem(problem);
		const result = optimiseRoute(problem, { timeBudgetMs: 50, now: () => (clock += 10) });
		expect(result.stoppedBy).toBe('time');
		expect(isPermutation(result.order, 60)).toBe(true);
		expect(routeCost(p, result.order)).toBeLessThanOrEqual(routeCost(p, nearestNeighbourOrder(p)));
	});

	it('handles routes of zero, one and two stops', () => {
		const km = [0, 3, 7];
		const distanceM = km.map((a) => km.map((b) => Math.abs(a - b) * 1000));
		expect(optimiseRoute({ distanceM, stops: [] })).toMatchObject({ order: [], lengthM: 0 });
		expect(optimiseRoute({ distanceM, stops: [{ id: 'a' }] })).toMatchObject({
			order: [0],
			lengthM: 6000
		});
		const two = optimiseRoute({ distanceM, stops: [{ id: 'a' }, { id: 'b' }], end: 0 });
		expect(two.lengthM).toBe(14_000);
		const open = optimiseRoute({ distanceM, stops: [{ id: 'a' }], end: 2 });
		expect(open).toMatchObject({ order: [0], lengthM: 7000 });
	});
});
