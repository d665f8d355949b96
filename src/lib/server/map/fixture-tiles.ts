/**
 * Synthetic basemap tiles for the area-pack fixture: plain land, the Bedfordshire towns of the
 * demo caseload as built-up patches, and straight "roads" between neighbouring towns. Only a
 * stand-in so the map has something recognisable to draw offline; never a real map.
 */
import type { LonLatBounds, TileCoord } from '../../domain/tile-math';
import { latToTileY, lonToTileX, metresPerPixel, tilesCovering } from '../../domain/tile-math';
import { towns } from '../seed/places';
import { encodePng } from './png';
import type { TileInput } from './pmtiles-writer';

const SIZE = 256;
type Rgb = readonly [number, number, number];
const LAND: Rgb = [233, 229, 216];
const TOWN: Rgb = [214, 190, 176];
const ROAD: Rgb = [250, 246, 236];
const ROAD_EDGE: Rgb = [190, 170, 140];
const GRID: Rgb = [220, 215, 200];

/** Bedfordshire with a margin: the demo caseload's towns all fall inside. */
export const BEDFORDSHIRE: LonLatBounds = {
	minLon: -0.75,
	minLat: 51.8,
	maxLon: -0.1,
	maxLat: 52.33
};

function distanceToSegment(px: number, py: number, a: number[], b: number[]): number {
	const [ax = 0, ay = 0] = a;
	const [bx = 0, by = 0] = b;
	const lengthSq = (bx - ax) ** 2 + (by - ay) ** 2;
	const t =
		lengthSq === 0
			? 0
			: Math.max(0, Math.min(1, ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / lengthSq));
	return Math.hypot(px - (ax + t * (bx - ax)), py - (ay + t * (by - ay)));
}

export function paintTile({ z, x, y }: TileCoord): Uint8Array {
	// Everything in this zoom's global pixel space, so features line up across tile edges.
	const x0 = x * SIZE;
	const y0 = y * SIZE;
	const centres = towns.map((t) => [
		lonToTileX(t.centre.lon, z) * SIZE,
		latToTileY(t.centre.lat, z) * SIZE,
		t.radiusM / metresPerPixel(t.centre.lat, z)
	]);
	const roadWidth = Math.max(1, 2 ** (z - 9));
	// Only what reaches this tile is tested pixel by pixel; the rest of the county is skipped.
	const near = (px: number, py: number, margin: number) =>
		px > x0 - margin && px < x0 + SIZE + margin && py > y0 - margin && py < y0 + SIZE + margin;
	const patches = centres.filter(([cx = 0, cy = 0, r = 0]) => near(cx, cy, r));
	const roads = centres.slice(1).flatMap((b, i) => {
		const a = centres[i]!;
		const m = roadWidth + 2;
		const [ax = 0, ay = 0] = a;
		const [bx = 0, by = 0] = b;
		const touches =
			Math.max(ax, bx) > x0 - m &&
			Math.min(ax, bx) < x0 + SIZE + m &&
			Math.max(ay, by) > y0 - m &&
			Math.min(ay, by) < y0 + SIZE + m;
		return touches ? [[a, b] as const] : [];
	});
	const rgba = new Uint8Array(SIZE * SIZE * 4);
	for (let py = 0; py < SIZE; py++) {
		for (let px = 0; px < SIZE; px++) {
			const gx = x0 + px + 0.5;
			const gy = y0 + py + 0.5;
			let colour: Rgb = px === 0 || py === 0 ? GRID : LAND;
			if (patches.some(([cx = 0, cy = 0, r = 0]) => Math.hypot(gx - cx, gy - cy) < r))
				colour = TOWN;
			for (const [a, b] of roads) {
				const d = distanceToSegment(gx, gy, a, b);
				if (d < roadWidth) colour = ROAD;
				else if (d < roadWidth + 1 && colour !== TOWN && colour !== ROAD) colour = ROAD_EDGE;
			}
			const at = (py * SIZE + px) * 4;
			rgba[at] = colour[0];
			rgba[at + 1] = colour[1];
			rgba[at + 2] = colour[2];
			rgba[at + 3] = 255;
		}
	}
	return encodePng(SIZE, SIZE, rgba);
}

export function fixtureTiles(bounds: LonLatBounds, minZoom: number, maxZoom: number): TileInput[] {
	return [...tilesCovering(bounds, minZoom, maxZoom)].map((t) => ({ ...t, data: paintTile(t) }));
}
