// Draws the app icons (a tick in a shield-blue square) as PNGs with no image library: run once
// with `npx tsx scripts/make-icons.ts`; the output is committed under static/icons.
import { mkdirSync, writeFileSync } from 'node:fs';
import { encodePng } from '../src/lib/server/map/png';

type Pixel = (u: number, v: number) => [number, number, number, number];

function png(size: number, pixel: Pixel): Buffer {
	const rgba = new Uint8Array(size * size * 4);
	for (let y = 0; y < size; y++) {
		for (let x = 0; x < size; x++) rgba.set(pixel(x / size, y / size), (y * size + x) * 4);
	}
	return encodePng(size, size, rgba);
}

function distToSegment(
	px: number,
	py: number,
	ax: number,
	ay: number,
	bx: number,
	by: number
): number {
	const t = Math.max(
		0,
		Math.min(1, ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2))
	);
	return Math.hypot(px - (ax + t * (bx - ax)), py - (ay + t * (by - ay)));
}

function icon(scale: number): Pixel {
	return (u, v) => {
		const x = 0.5 + (u - 0.5) / scale;
		const y = 0.5 + (v - 0.5) / scale;
		const d = Math.min(
			distToSegment(x, y, 0.28, 0.52, 0.44, 0.68),
			distToSegment(x, y, 0.44, 0.68, 0.74, 0.34)
		);
		if (d < 0.055) return [124, 196, 255, 255];
		return [15, 23, 42, 255];
	};
}

mkdirSync('static/icons', { recursive: true });
writeFileSync('static/icons/icon-192.png', png(192, icon(1)));
writeFileSync('static/icons/icon-512.png', png(512, icon(1)));
writeFileSync('static/icons/icon-maskable-512.png', png(512, icon(0.7)));
