import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ArrayTour } from './tour';

/** Undirected edges of the cycle, as sorted "a-b" keys. */
function edges(tour: ArrayTour): string[] {
	return Array.from(tour.order, (c) => key(c, tour.succ(c))).sort();
}
const key = (a: number, b: number) => (a < b ? `${a}-${b}` : `${b}-${a}`);

function expectConsistent(tour: ArrayTour): void {
	expect([...tour.order].sort((a, b) => a - b)).toEqual([...Array(tour.n).keys()]);
	tour.order.forEach((c, i) => expect(tour.pos[c]).toBe(i));
}

/** A random tour of n cities: a shuffled 0..n-1. */
const tourArb = fc
	.integer({ min: 8, max: 40 })
	.chain((n) => fc.shuffledSubarray([...Array(n).keys()], { minLength: n, maxLength: n }));

describe('ArrayTour', () => {
	it('reverses a path in place, either side of the cycle', () => {
		const tour = new ArrayTour([0, 1, 2, 3, 4, 5, 6, 7]);
		tour.reversePath(2, 4);
		expect(Array.from(tour.order)).toEqual([0, 1, 4, 3, 2, 5, 6, 7]);
		// 5 → 1 is the long way round (5 6 7 0 1): the short complement (4 3 2) flips instead.
		tour.reversePath(5, 1);
		expect(Array.from(tour.order)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
		expect(edges(tour)).toEqual(edges(new ArrayTour([1, 0, 7, 6, 5, 4, 3, 2])));
		expectConsistent(tour);
	});

	it('move2opt swaps exactly the two edges it names', () => {
		fc.assert(
			fc.property(tourArb, fc.nat(), fc.nat(), fc.boolean(), (cities, x, y, forward) => {
				const tour = new ArrayTour(cities);
				const n = tour.n;
				const next = (c: number) => (forward ? tour.succ(c) : tour.pred(c));
				const a = cities[x % n]!;
				const b = next(a);
				const c = cities[y % n]!;
				const d = next(c);
				fc.pre(c !== a && c !== b && d !== a);
				const expected = edges(tour).filter((e) => e !== key(a, b) && e !== key(c, d));
				expected.push(key(a, c), key(b, d));
				tour.move2opt(a, b, c, d);
				expect(edges(tour)).toEqual(expected.sort());
				expectConsistent(tour);
			})
		);
	});

	it('moveSegment moves a run of 1-3 cities into another gap, the requested way round', () => {
		fc.assert(
			fc.property(
				tourArb,
				fc.nat(),
				fc.integer({ min: 1, max: 3 }),
				fc.nat(),
				fc.boolean(),
				fc.boolean(),
				(cities, x, len, y, forward, dAfter) => {
					const tour = new ArrayTour(cities);
					const n = tour.n;
					const next = (c: number) => (forward ? tour.succ(c) : tour.pred(c));
					const prev = (c: number) => (forward ? tour.pred(c) : tour.succ(c));
					const run = [cities[x % n]!];
					while (run.length < len) run.push(next(run[run.length - 1]!));
					const s1 = run[0]!;
					const s2 = run[run.length - 1]!;
					const p = prev(s1);
					const q = next(s2);
					const c = cities[y % n]!;
					const d = dAfter ? tour.succ(c) : tour.pred(c);
					fc.pre(!run.includes(c) && !run.includes(d));
					const removed = [key(p, s1), key(s2, q), key(c, d)];
					const expected = edges(tour).filter((e) => !removed.includes(e));
					expected.push(key(p, q), key(c, s1), key(s2, d));
					tour.moveSegment(s1, s2, c, d);
					expect(edges(tour)).toEqual(expected.sort());
					expectConsistent(tour);
				}
			)
		);
	});
});
