import { describe, expect, it } from 'vitest';
import { haversineM } from './geo';
import { coverZone, destination, MAX_ZONE_OFFSET_M } from './protected-zone';

const bytes = (seed: number) => {
	const out = new Uint8Array(8);
	let x = seed * 2654435761;
	for (let i = 0; i < 8; i++) out[i] = (x = (x * 1103515245 + 12345) >>> 0) >>> 24;
	return out;
};

describe('covering circles for protected premises', () => {
	it('always contains the true zone, and never has the true centre', () => {
		const center = { lat: 52.1364, lon: -0.4667 };
		for (let seed = 1; seed <= 500; seed++) {
			const cover = coverZone({ shape: 'circle', center, radiusM: 300 }, bytes(seed));
			if (cover.shape !== 'circle') throw new Error('not a circle');
			const moved = haversineM(cover.center, center);
			expect(moved).toBeLessThanOrEqual(MAX_ZONE_OFFSET_M + 0.01);
			// Every point of the true circle is within the cover: distance + radius <= cover radius.
			expect(moved + 300).toBeLessThan(cover.radiusM);
			expect(cover.radiusM).toBe(300 + MAX_ZONE_OFFSET_M + 1);
		}
	});

	it('covers a polygon and leaves named zones alone', () => {
		const ring = [
			{ lat: 52.13, lon: -0.47 },
			{ lat: 52.14, lon: -0.47 },
			{ lat: 52.14, lon: -0.46 }
		];
		const cover = coverZone({ shape: 'polygon', rings: [ring] }, bytes(7));
		if (cover.shape !== 'circle') throw new Error('not a circle');
		for (const p of ring) expect(haversineM(cover.center, p)).toBeLessThan(cover.radiusM);
		const named = { shape: 'named' as const, description: 'Protected premises' };
		expect(coverZone(named, bytes(7))).toBe(named);
	});

	it('moves a point by the asked distance', () => {
		const from = { lat: 52, lon: -0.5 };
		expect(haversineM(from, destination(from, 1.2, 450))).toBeCloseTo(450, 3);
	});
});
