/// <reference lib="webworker" />
import { ExpirationPlugin } from 'workbox-expiration';
import { registerRoute } from 'workbox-routing';
import { CacheFirst } from 'workbox-strategies';
import { isTileRequest } from '$lib/domain/tile-math';

declare const self: ServiceWorkerGlobalScope;

export const TILE_CACHE = 'fieldcheck-tiles';

/**
 * Keeps the basemap tiles the officer has actually looked at, so the same streets show again
 * with no signal. Never fetches a tile nobody asked for: OpenStreetMap's tile policy forbids
 * bulk downloading, and offline maps of the whole area come from the area pack instead.
 * Cache first, because tiles rarely change and every repeat request spares the tile server;
 * bounded by age and count, and the first thing given up when storage runs short.
 */
export function installTileCache(): void {
	registerRoute(
		({ url, request }) => request.method === 'GET' && isTileRequest(url, self.location.origin),
		new CacheFirst({
			cacheName: TILE_CACHE,
			plugins: [
				// CORS tiles arrive as 200; a tile server without CORS gives opaque (status 0) ones.
				{
					cacheWillUpdate: async ({ response }) =>
						response.status === 200 || response.status === 0 ? response : null
				},
				new ExpirationPlugin({
					maxEntries: 3000,
					maxAgeSeconds: 30 * 24 * 60 * 60,
					purgeOnQuotaError: true
				})
			]
		})
	);
}
