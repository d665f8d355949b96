import { describe, expect, it } from 'vitest';
import { optimiseRoute } from './optimise';
import { randomInstance } from './test-instances';
import { varyRoute } from './vary';

describe('varyRoute', () => {
	const plain = randomInstance(21, 20, {});
	const windowed = randomInstance(22, 15, { windows: 'feasible', priority: true, pins: 2 });

	it('returns a different order costing at most 5% more than the best', () => {
		for (const problem of [plain, windowed]) {
			const best = optimiseRoute(problem);
			const varied = varyRoute(problem, { seed: 3 }, best);
			expect(varied.varied).toBe(true);
			expect(varied.order).not.toEqual(best.order);
			expect(varied.cost).toBeLessThanOrEqual(best.cost * 1.05 + 1e-6);
			expect(varied.extraPct).toBeCloseTo((varied.cost / best.cost - 1) * 100, 9);
			expect(varied.latenessMin).toBeLessThanOrEqual(best.latenessMin);
		}
	});

	it('honours a tighter tolerance and keeps pinned stops in place', () => {
		const varied = varyRoute(windowed, { seed: 8, tolerancePct: 2 });
		expect(varied.extraPct).toBeLessThanOrEqual(2 + 1e-9);
		for (const pin of windowed.pinned!) {
			expect(windowed.stops[varied.order[pin.position]!]!.id).toBe(pin.id);
		}
	});

	it('is deterministic for a seed and varies between seeds', () => {
		const best = optimiseRoute(plain);
		const orders = [1, 2, 3, 4, 5].map((seed) => varyRoute(plain, { seed }, best).order);
		expect(varyRoute(plain, { seed: 1 }, best).order).toEqual(orders[0]);
		expect(new Set(orders.map((o) => o.join())).size).toBeGreaterThan(1);
	});

	it('falls back to the best order when no other order exists', () => {
		const single = {
			distanceM: [
				[0, 5],
				[5, 0]
			],
			stops: [{ id: 'only' }]
		};
		const varied = varyRoute(single, { seed: 1 });
		expect(varied).toMatchObject({ varied: false, order: [0], extraPct: 0 });
	});
});
