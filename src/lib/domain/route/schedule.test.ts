import { describe, expect, it } from 'vitest';
import { compileProblem, type RouteProblem } from './problem';
import { evaluate, isPermutation, LATENESS_WEIGHT, routeCost, scheduleRoute } from './schedule';

// Depot and three stops on a straight road, positions in km; travel at 1 km per minute.
const km = [0, 10, 20, 5];
const problem: RouteProblem = {
	distanceM: km.map((a) => km.map((b) => Math.abs(a - b) * 1000)),
	travelMin: km.map((a) => km.map((b) => Math.abs(a - b))),
	stops: [
		{ id: 'A', window: [15, 30], serviceMin: 5 },
		{ id: 'B', window: [0, 25] },
		{ id: 'C', serviceMin: 10, priority: 1 }
	],
	priorityWeight: 100
};
const [A, B, C] = [0, 1, 2];

describe('evaluate (the time-window feasibility checker)', () => {
	const p = compileProblem(problem);

	it('waits for a window to open and counts minutes past its close as lateness', () => {
		const s = evaluate(p, [A, B, C]);
		expect(s.arrivalMin).toEqual([10, 30, 45]);
		expect(s.startMin).toEqual([15, 30, 45]); // waited 5 minutes at A
		expect(s.lateMin).toEqual([0, 5, 0]); // B closed at 25
		expect(s.latenessMin).toBe(5);
		expect(s.feasible).toBe(false);
		expect(s.lengthM).toBe(40_000);
		expect(s.durationMin).toBe(60); // leaves C at 55, 5 minutes home
	});

	it('accepts an arrival exactly at closing time', () => {
		const s = evaluate(p, [B, A, C]);
		expect(s.startMin).toEqual([20, 30, 40]);
		expect(s.feasible).toBe(true);
		expect(s.latenessMin).toBe(0);
		expect(s.durationMin).toBe(55);
	});

	it('adds the weighted start minutes of priority stops to the cost', () => {
		const s = evaluate(p, [B, A, C]);
		expect(s.priorityMin).toBe(40);
		expect(s.cost).toBe(40_000 + 100 * 40);
	});

	it('agrees with the allocation-free routeCost, lateness weighted first', () => {
		for (const order of [
			[A, B, C],
			[B, A, C],
			[C, B, A]
		]) {
			const s = evaluate(p, order);
			expect(routeCost(p, order)).toBeCloseTo(s.latenessMin * LATENESS_WEIGHT + s.cost, 6);
		}
		expect(routeCost(p, [B, A, C])).toBeLessThan(routeCost(p, [A, B, C]));
	});

	it('ends an open route at its end node instead of the depot', () => {
		const open = compileProblem({
			...problem,
			distanceM: [...km, 30].map((a) => [...km, 30].map((b) => Math.abs(a - b) * 1000)),
			travelMin: [...km, 30].map((a) => [...km, 30].map((b) => Math.abs(a - b))),
			end: 4
		});
		const s = evaluate(open, [B, A, C]);
		expect(s.lengthM).toBe(20_000 + 10_000 + 5_000 + 25_000);
		expect(s.durationMin).toBe(50 + 25);
	});
});

describe('scheduleRoute', () => {
	it('schedules an order chosen by hand', () => {
		expect(scheduleRoute(problem, [B, A, C]).feasible).toBe(true);
	});

	it('refuses an order that is not a permutation of the stops', () => {
		expect(() => scheduleRoute(problem, [A, A, C])).toThrow(RangeError);
		expect(() => scheduleRoute(problem, [A, B])).toThrow(RangeError);
		expect(isPermutation([2, 0, 1], 3)).toBe(true);
		expect(isPermutation([0, 1, 3], 3)).toBe(false);
		expect(isPermutation([0, 1.5, 2], 3)).toBe(false);
	});
});
