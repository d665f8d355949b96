import { describe, expect, it } from 'vitest';
import { compileProblem, type RouteProblem } from './problem';

const line = (xs: number[]) => xs.map((a) => xs.map((b) => Math.abs(a - b) * 1000));

describe('compileProblem', () => {
	const base: RouteProblem = {
		distanceM: line([0, 1, 2, 3]),
		stops: [{ id: 'a' }, { id: 'b' }, { id: 'c' }]
	};

	it('recognises a plain closed tour as pure TSP', () => {
		const p = compileProblem(base);
		expect(p.pureTsp).toBe(true);
		expect([p.m, p.size, p.endNode]).toEqual([3, 4, 0]);
		// Times derived at the default 40 km/h: 1 km takes 1.5 minutes.
		expect(p.time[1]).toBeCloseTo(1.5, 9);
	});

	it('leaves pure TSP for windows, weighted priorities, pins, open routes and one-way roads', () => {
		const stops = base.stops;
		const variants: Partial<RouteProblem>[] = [
			{ stops: [{ id: 'a', window: [0, 10] }, ...stops.slice(1)] },
			{ stops: [{ id: 'a', priority: 1 }, ...stops.slice(1)] },
			{ pinned: [{ id: 'b', position: 0 }] },
			{ distanceM: line([0, 1, 2, 3, 9]), end: 4 },
			{
				distanceM: [
					[0, 1, 1, 1],
					[2, 0, 1, 1],
					[1, 1, 0, 1],
					[1, 1, 1, 0]
				]
			}
		];
		for (const v of variants) expect(compileProblem({ ...base, ...v }).pureTsp).toBe(false);
		const unweighted = { ...base, priorityWeight: 0, stops: [{ id: 'a', priority: 1 }] };
		expect(
			compileProblem({ ...unweighted, stops: [...unweighted.stops, ...stops.slice(1)] }).pureTsp
		).toBe(true);
	});

	it('renumbers an open route so its end follows the stops, dropping unused nodes', () => {
		const p = compileProblem({ ...base, distanceM: line([0, 1, 2, 3, 50, 9]), end: 5 });
		expect([p.size, p.endNode]).toEqual([5, 4]);
		expect(p.dist[0 * 5 + 4]).toBe(9000);
	});

	it('records pins by position', () => {
		const p = compileProblem({ ...base, pinned: [{ id: 'c', position: 0 }] });
		expect(Array.from(p.pinnedAt)).toEqual([2, -1, -1]);
		expect(p.pinnedCount).toBe(1);
	});

	it('rejects inconsistent input with a RangeError', () => {
		const bad: Partial<RouteProblem>[] = [
			{ distanceM: line([0, 1]) },
			{ stops: [{ id: 'a' }, { id: 'a' }] },
			{ stops: [{ id: 'a', window: [10, 5] }] },
			{ stops: [{ id: 'a', priority: 2 }] },
			{ stops: [{ id: 'a', serviceMin: -1 }] },
			{ end: 2 },
			{ pinned: [{ id: 'z', position: 0 }] },
			{ pinned: [{ id: 'a', position: 3 }] },
			{
				pinned: [
					{ id: 'a', position: 0 },
					{ id: 'b', position: 0 }
				]
			},
			{
				pinned: [
					{ id: 'a', position: 0 },
					{ id: 'a', position: 1 }
				]
			},
			{ travelMin: line([0, 1]) }
		];
		for (const b of bad) expect(() => compileProblem({ ...base, ...b })).toThrow(RangeError);
	});
});
