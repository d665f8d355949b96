import { describe, expect, it } from 'vitest';
import { mulberry32, randomInt } from './prng';

describe('mulberry32', () => {
	it('repeats its sequence for a seed and differs between seeds', () => {
		const take = (seed: number) => Array.from({ length: 5 }, mulberry32(seed));
		expect(take(42)).toEqual(take(42));
		expect(take(42)).not.toEqual(take(43));
	});

	it('stays in [0, 1) and spreads integers evenly enough', () => {
		const random = mulberry32(7);
		const counts = [0, 0, 0, 0];
		for (let i = 0; i < 4000; i++) {
			const x = random();
			expect(x).toBeGreaterThanOrEqual(0);
			expect(x).toBeLessThan(1);
			counts[randomInt(random, 4)]!++;
		}
		for (const c of counts) expect(c).toBeGreaterThan(850);
	});
});
