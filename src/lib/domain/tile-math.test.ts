import { describe, expect, it } from 'vitest';
import {
	ancestorAt,
	isTileRequest,
	latToTileY,
	lonToTileX,
	metresPerPixel,
	tileRange,
	tilesCovering,
	tileXToLon,
	tileYToLat
} from './tile-math';

describe('tile coordinates', () => {
	it('match the published tile of a known place (Bedford, zoom 12)', () => {
		expect(Math.floor(lonToTileX(-0.4675, 12))).toBe(2042);
		expect(Math.floor(latToTileY(52.1363, 12))).toBe(1350);
	});

	it('put the world in one tile at zoom 0, Greenwich down the middle', () => {
		expect(lonToTileX(-180, 0)).toBe(0);
		expect(lonToTileX(0, 1)).toBe(1);
		expect(latToTileY(0, 1)).toBeCloseTo(1, 12);
		expect(latToTileY(89.9, 3)).toBeCloseTo(0, 9);
	});

	it('turn back into the same longitude and latitude', () => {
		for (const [lon, lat] of [
			[-0.4675, 52.1363],
			[151.2, -33.9],
			[0, 0]
		] as const) {
			expect(tileXToLon(lonToTileX(lon, 14), 14)).toBeCloseTo(lon, 9);
			expect(tileYToLat(latToTileY(lat, 14), 14)).toBeCloseTo(lat, 9);
		}
	});

	it('give the ground size of a pixel (about 23 m at zoom 12 in Bedfordshire)', () => {
		expect(metresPerPixel(52.1, 12)).toBeCloseTo(23.5, 0);
		expect(metresPerPixel(0, 0)).toBeCloseTo(156_543, 0);
	});
});

describe('tileRange and tilesCovering', () => {
	const beds = { minLon: -0.75, minLat: 51.8, maxLon: -0.1, maxLat: 52.33 };

	it('cover a box with whole tiles, north at the top', () => {
		const r = tileRange(beds, 12);
		expect(r.minY).toBeLessThan(r.maxY);
		expect(tileXToLon(r.minX, 12)).toBeLessThanOrEqual(beds.minLon);
		expect(tileXToLon(r.maxX + 1, 12)).toBeGreaterThanOrEqual(beds.maxLon);
		expect(tileYToLat(r.minY, 12)).toBeGreaterThanOrEqual(beds.maxLat);
		expect(tileYToLat(r.maxY + 1, 12)).toBeLessThanOrEqual(beds.minLat);
	});

	it('list every tile of every zoom once', () => {
		const tiles = [...tilesCovering(beds, 8, 10)];
		const keys = new Set(tiles.map((t) => `${t.z}/${t.x}/${t.y}`));
		expect(keys.size).toBe(tiles.length);
		expect(tiles.filter((t) => t.z === 8).length).toBeGreaterThanOrEqual(1);
	});

	it('stay inside the world at its edges', () => {
		const r = tileRange({ minLon: -180, minLat: -90, maxLon: 180, maxLat: 90 }, 2);
		expect(r).toEqual({ minX: 0, maxX: 3, minY: 0, maxY: 3 });
	});
});

describe('ancestorAt', () => {
	it('is the tile itself at or above the deepest zoom', () => {
		expect(ancestorAt({ z: 10, x: 5, y: 7 }, 12)).toEqual({
			tile: { z: 10, x: 5, y: 7 },
			sx: 0,
			sy: 0,
			size: 256
		});
	});

	it('is the covering tile higher up, and the quarter (or smaller) square to stretch', () => {
		expect(ancestorAt({ z: 13, x: 4085, y: 2701 }, 12)).toEqual({
			tile: { z: 12, x: 2042, y: 1350 },
			sx: 128,
			sy: 128,
			size: 128
		});
		expect(ancestorAt({ z: 14, x: 8170, y: 5403 }, 12)).toMatchObject({
			sx: 128,
			sy: 192,
			size: 64
		});
	});
});

describe('isTileRequest', () => {
	const own = 'https://fieldcheck.example';
	const is = (u: string) => isTileRequest(new URL(u), own);

	it('recognises z/x/y raster tiles on any host', () => {
		expect(is('https://tile.openstreetmap.org/12/2042/1350.png')).toBe(true);
		expect(is('https://tiles.example.net/v1/12/2042/1350@2x.webp?key=abc')).toBe(true);
		expect(is('https://fieldcheck.example/tiles/12/2042/1350.jpg')).toBe(true);
	});

	it('leaves everything else alone, our API and built assets included', () => {
		expect(is('https://tile.openstreetmap.org/copyright')).toBe(false);
		expect(is('https://fieldcheck.example/api/photos/1/2/3.png')).toBe(false);
		expect(is('https://fieldcheck.example/_app/immutable/1/2/3.png')).toBe(false);
		expect(is('https://fieldcheck.example/icons/icon-192.png')).toBe(false);
		expect(is('https://tiles.example.net/12/2042/1350.pbf')).toBe(false);
	});
});
