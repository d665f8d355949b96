import { PMTiles, TileType, type RangeResponse, type Source } from 'pmtiles';
import { ancestorAt, latToTileY, lonToTileX, type TileCoord } from '$lib/domain/tile-math';

/** pmtiles reads byte ranges; here they come straight out of the Blob kept in IndexedDB. */
class BlobSource implements Source {
	constructor(
		private readonly blob: Blob,
		private readonly key: string
	) {}

	getKey(): string {
		return this.key;
	}

	async getBytes(offset: number, length: number): Promise<RangeResponse> {
		return { data: await this.blob.slice(offset, offset + length).arrayBuffer() };
	}
}

const MIME: Partial<Record<TileType, string>> = {
	[TileType.Png]: 'image/png',
	[TileType.Jpeg]: 'image/jpeg',
	[TileType.Webp]: 'image/webp',
	[TileType.Avif]: 'image/avif'
};

/** Raster tiles from the downloaded area pack, as Blobs ready for an <img>. */
export class AreaPackTiles {
	private constructor(
		private readonly archive: PMTiles,
		readonly minZoom: number,
		readonly maxZoom: number,
		private readonly bounds: { minLon: number; minLat: number; maxLon: number; maxLat: number },
		private readonly mime: string
	) {}

	static async open(blob: Blob): Promise<AreaPackTiles> {
		return AreaPackTiles.#read(new PMTiles(new BlobSource(blob, `area-pack-${blob.size}`)));
	}

	/** The server's pack read in byte ranges as tiles are drawn: the station, online, keeps no copy. */
	static async openUrl(url: string): Promise<AreaPackTiles> {
		return AreaPackTiles.#read(new PMTiles(url));
	}

	static async #read(archive: PMTiles): Promise<AreaPackTiles> {
		const h = await archive.getHeader();
		const mime = MIME[h.tileType];
		if (!mime) throw new Error('The area pack does not hold raster tiles');
		return new AreaPackTiles(archive, h.minZoom, h.maxZoom, h, mime);
	}

	/** Whether the pack may hold this tile: its zoom range and the box around its area. */
	covers({ z, x, y }: TileCoord): boolean {
		if (z < this.minZoom || z > this.maxZoom) return false;
		const b = this.bounds;
		return (
			x + 1 > lonToTileX(b.minLon, z) &&
			x < lonToTileX(b.maxLon, z) &&
			y + 1 > latToTileY(b.maxLat, z) &&
			y < latToTileY(b.minLat, z)
		);
	}

	async tile(coord: TileCoord, signal?: AbortSignal): Promise<Blob | null> {
		const found = await this.archive.getZxy(coord.z, coord.x, coord.y, signal);
		return found ? new Blob([found.data], { type: this.mime }) : null;
	}

	/** A tile deeper than the pack goes, cut from its ancestor and stretched (blurry, but a map). */
	async overzoomed(coord: TileCoord, signal?: AbortSignal): Promise<ImageBitmap | null> {
		if (coord.z <= this.maxZoom) return null;
		const { tile, sx, sy, size } = ancestorAt(coord, this.maxZoom);
		if (!this.covers(tile)) return null;
		const parent = await this.tile(tile, signal);
		if (!parent) return null;
		return createImageBitmap(parent, sx, sy, size, size, {
			resizeWidth: 256,
			resizeHeight: 256,
			resizeQuality: 'medium'
		});
	}
}
