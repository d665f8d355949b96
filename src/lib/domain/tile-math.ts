/**
 * Web Mercator ("slippy map") tile arithmetic, shared by the map in the browser, the service
 * worker's tile cache and the script that makes the synthetic area pack.
 * x grows eastward and y southward from the top-left of the world at each zoom z (2^z tiles a side).
 */

export interface TileCoord {
	z: number;
	x: number;
	y: number;
}

export interface LonLatBounds {
	minLon: number;
	minLat: number;
	maxLon: number;
	maxLat: number;
}

/** Mercator stops here: the square world of tiles ends at ±85.0511°. */
const MAX_LAT = 85.0511287798066;
const RAD = Math.PI / 180;

export function lonToTileX(lon: number, z: number): number {
	return ((lon + 180) / 360) * 2 ** z;
}

export function latToTileY(lat: number, z: number): number {
	const clamped = Math.max(-MAX_LAT, Math.min(MAX_LAT, lat));
	const s = Math.sin(clamped * RAD);
	return ((1 - Math.log((1 + s) / (1 - s)) / (2 * Math.PI)) / 2) * 2 ** z;
}

export function tileXToLon(x: number, z: number): number {
	return (x / 2 ** z) * 360 - 180;
}

export function tileYToLat(y: number, z: number): number {
	const n = Math.PI - (2 * Math.PI * y) / 2 ** z;
	return Math.atan(Math.sinh(n)) / RAD;
}

/** Ground metres one pixel of a 256-pixel tile spans at this latitude and zoom. */
export function metresPerPixel(lat: number, z: number): number {
	return (40_075_016.686 * Math.cos(lat * RAD)) / (256 * 2 ** z);
}

/** The tiles (inclusive ranges) a box touches at zoom z. */
export function tileRange(b: LonLatBounds, z: number) {
	const last = 2 ** z - 1;
	const clamp = (n: number) => Math.max(0, Math.min(last, Math.floor(n)));
	return {
		minX: clamp(lonToTileX(b.minLon, z)),
		maxX: clamp(lonToTileX(b.maxLon, z)),
		minY: clamp(latToTileY(b.maxLat, z)),
		maxY: clamp(latToTileY(b.minLat, z))
	};
}

export function* tilesCovering(b: LonLatBounds, minZoom: number, maxZoom: number) {
	for (let z = minZoom; z <= maxZoom; z++) {
		const r = tileRange(b, z);
		for (let x = r.minX; x <= r.maxX; x++) {
			for (let y = r.minY; y <= r.maxY; y++) yield { z, x, y } satisfies TileCoord;
		}
	}
}

/**
 * Where to find a tile deeper than an archive goes: its ancestor at `maxZoom`, and the square of
 * that ancestor (in its own 256-pixel space) to stretch over the whole tile.
 */
export function ancestorAt(tile: TileCoord, maxZoom: number) {
	const dz = Math.max(0, tile.z - maxZoom);
	const size = 256 / 2 ** dz;
	const mask = 2 ** dz - 1;
	return {
		tile: { z: tile.z - dz, x: Math.floor(tile.x / 2 ** dz), y: Math.floor(tile.y / 2 ** dz) },
		sx: (tile.x & mask) * size,
		sy: (tile.y & mask) * size,
		size
	};
}

/** `/{z}/{x}/{y}.png`, `@2x` and other raster extensions included; the query string is not looked at. */
const TILE_PATH = /\/\d{1,2}\/\d{1,7}\/\d{1,7}(@2x)?\.(png|jpe?g|webp)$/i;

/**
 * Whether a request is for a basemap tile: a raster `/{z}/{x}/{y}` path on any host, except our own
 * API and built assets, which have caches of their own.
 */
export function isTileRequest(url: URL, ownOrigin: string): boolean {
	if (!TILE_PATH.test(url.pathname)) return false;
	if (url.origin !== ownOrigin) return true;
	return !url.pathname.startsWith('/api/') && !url.pathname.startsWith('/_app/');
}
