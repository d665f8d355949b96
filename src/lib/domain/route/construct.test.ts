import { describe, expect, it } from 'vitest';
import { earliestDeadlineOrder, nearestNeighbourOrder } from './construct';
import { compileProblem, type RouteProblem } from './problem';

// Depot at 0 on a straight road; stops at these km.
const km = [0, 4, -1, 9, -6];
const road = (xs: number[]) => xs.map((a) => xs.map((b) => Math.abs(a - b) * 1000));
const base: RouteProblem = {
	distanceM: road(km),
	travelMin: km.map((a) => km.map((b) => Math.abs(a - b))),
	stops: ['a', 'b', 'c', 'd'].map((id) => ({ id }))
};

describe('nearestNeighbourOrder', () => {
	it('is the textbook heuristic when only distance matters', () => {
		// From 0: b (-1), then a (4), then c (9), then d (-6).
		expect(Array.from(nearestNeighbourOrder(compileProblem(base)))).toEqual([1, 0, 2, 3]);
	});

	it('keeps pinned stops at their positions and fills the rest greedily', () => {
		const p = compileProblem({ ...base, pinned: [{ id: 'd', position: 1 }] });
		expect(Array.from(nearestNeighbourOrder(p))).toEqual([1, 3, 0, 2]);
	});

	it('prices waiting, so a near stop that opens much later is not taken first', () => {
		const stops = base.stops.map((s) => (s.id === 'b' ? { ...s, window: [60, 90] as const } : s));
		const order = Array.from(nearestNeighbourOrder(compileProblem({ ...base, stops })));
		expect(order[0]).toBe(0);
	});

	it('never picks a stop that would be late when an on-time one is left', () => {
		const stops = base.stops.map((s) => (s.id === 'b' ? { ...s, window: [0, 0.5] as const } : s));
		const order = Array.from(nearestNeighbourOrder(compileProblem({ ...base, stops })));
		expect(order[order.length - 1]).toBe(1);
	});
});

describe('earliestDeadlineOrder', () => {
	it('orders by closing time, then windowless stops nearest first', () => {
		const stops = [
			{ id: 'a', window: [0, 50] as const },
			{ id: 'b' },
			{ id: 'c', window: [0, 20] as const },
			{ id: 'd' }
		];
		const order = earliestDeadlineOrder(compileProblem({ ...base, stops }));
		// c (closes 20), a (50); then from a at 4 km: b (-1) is nearer than d (-6).
		expect(Array.from(order)).toEqual([2, 0, 1, 3]);
	});
});
