/**
 * Makes a small synthetic raster area pack (PMTiles v3) of Bedfordshire: the fixture the
 * end-to-end tests download, and a stand-in basemap for the demo. Not a real map.
 *
 *   npx tsx scripts/make-area-pack.ts [OUT] [MINZOOM] [MAXZOOM]
 *
 * OUT defaults to ./data/area-pack.pmtiles, where the server looks for a pack by default.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { BEDFORDSHIRE, fixtureTiles } from '../src/lib/server/map/fixture-tiles';
import { TileType, writePmtiles } from '../src/lib/server/map/pmtiles-writer';

const [out = './data/area-pack.pmtiles', min = '8', max = '12'] = process.argv.slice(2);
const minZoom = Number(min);
const maxZoom = Number(max);
if (!(minZoom >= 0 && maxZoom >= minZoom && maxZoom <= 16)) {
	console.error('usage: tsx scripts/make-area-pack.ts [OUT] [MINZOOM 0-16] [MAXZOOM 0-16]');
	process.exit(2);
}

const tiles = fixtureTiles(BEDFORDSHIRE, minZoom, maxZoom);
const archive = writePmtiles(tiles, {
	tileType: TileType.png,
	bounds: BEDFORDSHIRE,
	center: { lon: -0.43, lat: 52.02, zoom: 10 },
	metadata: {
		name: 'Fieldcheck synthetic area pack',
		description:
			'Generated stand-in basemap of Bedfordshire for tests and the demo; not a real map',
		attribution: 'Synthetic test map'
	}
});
const path = resolve(out);
mkdirSync(dirname(path), { recursive: true });
writeFileSync(path, archive);
console.log(
	`Wrote ${tiles.length} tiles (zoom ${minZoom}–${maxZoom}), ${archive.length} bytes: ${path}`
);
