/**
 * mulberry32: a tiny 32-bit PRNG. Seeded so that the same input and seed always give the same
 * route, which makes results reproducible in tests and explainable to the officer who asks why
 * the tablet suggested an order yesterday.
 */
export type Random = () => number;

export function mulberry32(seed: number): Random {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** An integer in [0, n). */
export function randomInt(random: Random, n: number): number {
	return Math.floor(random() * n);
}
