import { describe, expect, it } from 'vitest';
import { PMTiles, TileType as ReaderTileType, type Source } from 'pmtiles';
import { tilesCovering } from '../../domain/tile-math';
import { HEADER_BYTES, TileType, writePmtiles, type TileInput } from './pmtiles-writer';

/** The reader's view of bytes in memory: what a browser does with the downloaded Blob. */
function source(bytes: Uint8Array): Source {
	return {
		getKey: () => 'memory',
		getBytes: async (offset, length) => ({ data: bytes.slice(offset, offset + length).buffer })
	};
}

const BOUNDS = { minLon: -0.75, minLat: 51.8, maxLon: -0.1, maxLat: 52.33 };
const options = {
	tileType: TileType.png,
	bounds: BOUNDS,
	center: { lon: -0.43, lat: 52.02, zoom: 10 },
	metadata: { name: 'test pack' }
};
const bytesOf = (text: string) => new TextEncoder().encode(text);

describe('writePmtiles, read back with the pmtiles library', () => {
	it('gives back every tile, the header fields and the metadata', async () => {
		const tiles: TileInput[] = [...tilesCovering(BOUNDS, 8, 11)].map((t) => ({
			...t,
			data: bytesOf(`tile ${t.z}/${t.x}/${t.y}`)
		}));
		const archive = writePmtiles(tiles, options);
		expect(new TextDecoder().decode(archive.slice(0, 7))).toBe('PMTiles');
		expect(archive[7]).toBe(3);

		const reader = new PMTiles(source(archive));
		const h = await reader.getHeader();
		expect(h).toMatchObject({
			specVersion: 3,
			rootDirectoryOffset: HEADER_BYTES,
			tileType: ReaderTileType.Png,
			minZoom: 8,
			maxZoom: 11,
			numAddressedTiles: tiles.length,
			numTileContents: tiles.length,
			clustered: true,
			centerZoom: 10
		});
		expect(h.minLon).toBeCloseTo(-0.75, 6);
		expect(h.maxLat).toBeCloseTo(52.33, 6);
		for (const t of tiles) {
			const got = await reader.getZxy(t.z, t.x, t.y);
			expect(new TextDecoder().decode(got!.data)).toBe(`tile ${t.z}/${t.x}/${t.y}`);
		}
		expect(await reader.getZxy(12, 0, 0)).toBeUndefined();
		expect(await reader.getMetadata()).toEqual({ name: 'test pack' });
	});

	it('stores identical tiles once and runs of them as one entry', async () => {
		const tiles = [...tilesCovering(BOUNDS, 10, 12)].map((t) => ({ ...t, data: bytesOf('sea') }));
		const archive = writePmtiles(tiles, options);
		const reader = new PMTiles(source(archive));
		const h = await reader.getHeader();
		expect(h.numTileContents).toBe(1);
		expect(h.numTileEntries).toBeLessThan(tiles.length);
		expect(h.tileDataLength).toBe(3);
		for (const t of tiles) expect((await reader.getZxy(t.z, t.x, t.y))?.data.byteLength).toBe(3);
	});

	it('moves entries into leaf directories when the root would not fit the first 16 KiB', async () => {
		// 60,000 distinct tiles, scattered and of uneven sizes, so the directory compresses poorly.
		let seed = 1;
		const next = () => (seed = (seed * 48_271) % 2_147_483_647);
		const tiles = Array.from({ length: 60_000 }, (_, i) => ({
			z: 15,
			x: (i % 200) * 3 + (next() % 3),
			y: Math.floor(i / 200) * 3 + (next() % 3),
			data: bytesOf(`${i}:`.padEnd(4 + (next() % 300), '.'))
		}));
		const archive = writePmtiles(tiles, options);
		const reader = new PMTiles(source(archive));
		const h = await reader.getHeader();
		expect(h.leafDirectoryLength).toBeGreaterThan(0);
		expect(h.rootDirectoryLength + HEADER_BYTES).toBeLessThanOrEqual(16_384);
		for (const i of [0, 1, 12_345, tiles.length - 1]) {
			const t = tiles[i]!;
			const got = new TextDecoder().decode((await reader.getZxy(t.z, t.x, t.y))!.data);
			expect(got).toBe(new TextDecoder().decode(t.data));
		}
	});

	it('refuses an empty archive and a tile given twice', () => {
		expect(() => writePmtiles([], options)).toThrow();
		const t = { z: 1, x: 0, y: 0, data: bytesOf('a') };
		expect(() => writePmtiles([t, { ...t }], options)).toThrow(/twice/);
	});
});
