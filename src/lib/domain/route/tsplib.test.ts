import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tsplibEuc2dMatrix } from './matrix';
import { optimiseRoute } from './optimise';
import { scheduleRoute } from './schedule';
import { bruteForceCost } from './test-instances';
import { parseTour, parseTsplib, tourLength, windowedInstance } from './tsplib';

const tsp = (points: { x: number; y: number }[]) =>
	[
		'NAME : tiny',
		'TYPE : TSP',
		`DIMENSION: ${points.length}`,
		'EDGE_WEIGHT_TYPE : EUC_2D',
		'NODE_COORD_SECTION',
		...points.map((p, i) => ` ${i + 1} ${p.x} ${p.y}`),
		'EOF'
	].join('\n');

const pointsArb = (min: number, max: number) =>
	fc.array(
		fc.record({ x: fc.integer({ min: 0, max: 1000 }), y: fc.integer({ min: 0, max: 1000 }) }),
		{ minLength: min, maxLength: max }
	);

describe('TSPLIB text', () => {
	it('reads coordinates in any of the header and number forms TSPLIB uses', () => {
		const text =
			'NAME: t\nDIMENSION : 3\nEDGE_WEIGHT_TYPE: EUC_2D\nNODE_COORD_SECTION\n1 0 0\n  2 3.0e+00 4\n3 6 8\nEOF\n';
		expect(parseTsplib(text, 'x')).toEqual({
			name: 't',
			points: [
				{ x: 0, y: 0 },
				{ x: 3, y: 4 },
				{ x: 6, y: 8 }
			]
		});
		expect(parseTour('TOUR_SECTION\n1\n3\n2\n-1\nEOF\n', 3)).toEqual([0, 2, 1]);
		expect(() => parseTour('TOUR_SECTION\n1\n1\n2\n-1\n', 3)).toThrow();
	});
});

describe('windowed instances cut around a tour (property)', () => {
	it('the tour they are cut around meets every window and keeps its length', () => {
		fc.assert(
			fc.property(
				pointsArb(3, 40),
				fc.integer({ min: 0, max: 5000 }),
				fc.integer({ min: 1, max: 1000 }),
				(points, maxSide, seed) => {
					const instance = parseTsplib(tsp(points), 'tiny');
					// Any tour will do: the windows make it feasible, whether or not it is optimal.
					const tour = [...points.keys()].sort(
						(a, b) => ((a * 7919 + seed) % 101) - ((b * 7919 + seed) % 101)
					);
					const w = windowedInstance(instance, tour, maxSide, seed);
					const schedule = scheduleRoute(w.problem, w.order);
					expect(schedule.feasible).toBe(true);
					expect(schedule.lengthM).toBe(w.length);
					expect(w.length).toBe(tourLength(tsplibEuc2dMatrix(points), tour));
				}
			),
			{ numRuns: 100 }
		);
	});

	it('the optimiser reaches the optimum of instances cut around an optimal tour', () => {
		fc.assert(
			fc.property(pointsArb(6, 9), fc.integer({ min: 0, max: 3000 }), (points, maxSide) => {
				const instance = parseTsplib(tsp(points), 'tiny');
				const plain = windowedInstance(instance, [...points.keys()], 1e9);
				const optimum = bruteForceCost({
					...plain.problem,
					stops: plain.problem.stops.map((s) => ({ id: s.id }))
				});
				// An optimal tour from brute force is what the windows are cut around.
				const best = optimiseRoute({
					...plain.problem,
					stops: plain.problem.stops.map((s) => ({ id: s.id }))
				});
				expect(best.lengthM).toBeCloseTo(optimum, 6);
				const tour = [0, ...best.order.map((s) => Number(plain.problem.stops[s]!.id) - 1)];
				const w = windowedInstance(instance, tour, maxSide);
				const result = optimiseRoute(w.problem);
				expect(result.feasible).toBe(true);
				expect(result.lengthM).toBeCloseTo(optimum, 6);
			}),
			{ numRuns: 30 }
		);
	});
});
