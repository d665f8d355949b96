import * as L from 'leaflet';
import type { TileCoord } from '$lib/domain/tile-math';
import type { AreaPackTiles } from './area-pack-tiles';

export type TileSource = 'pack' | 'pack-overzoom' | 'network';
export type BasemapStatus = 'loading' | 'pack' | 'network' | 'none';

/**
 * Night shifts: the light basemap turned dark. Applied once as each tile is drawn, not as a CSS
 * filter on the tile pane, which the browser would have to re-apply on every frame of a pan.
 */
const NIGHT = 'invert(1) hue-rotate(180deg) brightness(0.9) contrast(0.9)';

type Picture = { source: TileSource; image: CanvasImageSource & { width: number } };

/**
 * The basemap, tile by tile:
 * 1. the area pack, where it holds the tile: local, instant, and no load on anyone's server;
 * 2. otherwise the network tile URL (through the service worker, which keeps the tiles the
 *    officer has seen);
 * 3. if that fails (no signal, not cached), the area pack's nearest tile stretched.
 * Each tile is a canvas saying where it came from in data-source. After each round of loading
 * the layer reports whether anything at all could be drawn, so the page can say how to get a
 * basemap when nothing could.
 */
export class BasemapLayer extends L.GridLayer {
	#pack: AreaPackTiles | null = null;
	#url: string | null = null;
	#onStatus: (status: BasemapStatus) => void;
	#drawn: Record<TileSource, number> = { pack: 0, 'pack-overzoom': 0, network: 0 };
	#failed = 0;

	constructor(onStatus: (status: BasemapStatus) => void) {
		super({ maxZoom: 19, tileSize: 256 });
		this.#onStatus = onStatus;
		this.on('loading', () => {
			this.#drawn = { pack: 0, 'pack-overzoom': 0, network: 0 };
			this.#failed = 0;
			this.#onStatus('loading');
		});
		this.on('load', () => this.#onStatus(this.#status()));
	}

	set(url: string | null, pack: AreaPackTiles | null): void {
		if (url === this.#url && pack === this.#pack) return;
		this.#url = url;
		this.#pack = pack;
		this.redraw();
		if (!url && !pack) this.#onStatus('none');
	}

	#status(): BasemapStatus {
		if (this.#drawn.pack + this.#drawn['pack-overzoom'] > 0) return 'pack';
		if (this.#drawn.network > 0) return 'network';
		return this.#failed > 0 || (!this.#url && !this.#pack) ? 'none' : 'loading';
	}

	protected override createTile(coords: L.Coords, done: L.DoneCallback): HTMLElement {
		const canvas = document.createElement('canvas');
		canvas.width = 256;
		canvas.height = 256;
		canvas.setAttribute('role', 'presentation');
		const fail = () => {
			this.#failed += 1;
			done(new Error('no tile'), canvas);
		};
		this.#find({ z: coords.z, x: coords.x, y: coords.y }).then((found) => {
			if (!found) return fail();
			const ctx = canvas.getContext('2d');
			if (!ctx) return fail();
			if (document.documentElement.dataset.theme !== 'light') ctx.filter = NIGHT;
			ctx.drawImage(found.image, 0, 0, 256, 256);
			if (found.image instanceof ImageBitmap) found.image.close();
			canvas.dataset.source = found.source;
			this.#drawn[found.source] += 1;
			done(undefined, canvas);
		}, fail);
		return canvas;
	}

	async #find(tile: TileCoord): Promise<Picture | null> {
		const pack = this.#pack;
		if (pack?.covers(tile)) {
			const blob = await pack.tile(tile);
			if (blob) return { source: 'pack', image: await createImageBitmap(blob) };
		}
		if (this.#url) {
			const img = await loadImage(tileUrl(this.#url, tile));
			if (img) return { source: 'network', image: img };
		}
		const stretched = await pack?.overzoomed(tile);
		return stretched ? { source: 'pack-overzoom', image: stretched } : null;
	}
}

function loadImage(src: string): Promise<HTMLImageElement | null> {
	return new Promise((resolve) => {
		const img = new Image();
		// CORS mode: an opaque response would count about 7 MB against the quota in Chromium,
		// so 3,000 cached tiles would fill the disk; OpenStreetMap and most tile servers allow it.
		img.crossOrigin = 'anonymous';
		img.onload = () => resolve(img);
		img.onerror = () => resolve(null);
		img.src = src;
	});
}

const SUBDOMAINS = 'abc';

export function tileUrl(template: string, { z, x, y }: TileCoord): string {
	const s = SUBDOMAINS[Math.abs(x + y) % SUBDOMAINS.length] ?? 'a';
	return L.Util.template(template, { z, x, y, s, r: '' });
}
