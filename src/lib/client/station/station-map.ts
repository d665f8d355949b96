import type * as Leaflet from 'leaflet';
import { DEFAULT_ATTRIBUTION, DEFAULT_TILE_URL } from '$lib/domain/map-config';
import { AreaPackTiles } from '../map/area-pack-tiles';
import { AREA_PACK_URL } from '../map/area-pack-download';
import { escapeHtml } from '../map/escape-html';
import { mapConfig } from './records-api';

/**
 * Leaflet for station screens, loaded on first use so officer pages never carry it twice and
 * station pages open before the map is needed.
 */
export async function loadLeaflet(): Promise<typeof Leaflet> {
	const [L] = await Promise.all([import('leaflet'), import('leaflet/dist/leaflet.css')]);
	return L.default ?? L;
}

export const resultColours: Record<string, string> = {
	seen: '#2e9d57',
	'not-present': '#d98e04',
	'no-reply': '#7d8ba1',
	'refused-entry': '#c0262d',
	'address-invalid': '#8e44ad',
	other: '#3b82c4'
};

export const crewColours = ['#0b7dda', '#d9480f', '#2b8a3e', '#862e9c', '#c2255c', '#5c940d'];

/**
 * The officers' basemap, as the server configures it (GET /api/map/config): the same tile
 * source, and the force's area pack where it holds the tile, drawn by the same layer (so the
 * dark theme darkens it the same way). Read once per page load.
 */
let basemap:
	Promise<{ url: string | null; attribution: string; pack: AreaPackTiles | null }> | undefined;

function stationBasemap() {
	basemap ??= (async () => {
		const config = await mapConfig().catch(() => null);
		const pack = config?.areaPack
			? await AreaPackTiles.openUrl(AREA_PACK_URL).catch(() => null)
			: null;
		return {
			url: config ? config.tileUrl : DEFAULT_TILE_URL,
			attribution: config ? config.attribution : DEFAULT_ATTRIBUTION,
			pack
		};
	})();
	return basemap;
}

/** A map in `el` on the basemap, fitted to the points, with a scale bar. */
export async function stationMap(
	el: HTMLElement,
	points: { lat: number; lon: number }[]
): Promise<{ L: typeof Leaflet; map: Leaflet.Map }> {
	const [L, { BasemapLayer }, base] = await Promise.all([
		loadLeaflet(),
		import('../map/basemap-layer'),
		stationBasemap()
	]);
	const map = L.map(el, { zoomControl: true, attributionControl: true });
	map.attributionControl.setPrefix(false);
	const credit = [base.url ? escapeHtml(base.attribution) : '', base.pack ? 'Area pack' : '']
		.filter(Boolean)
		.join(' · ');
	if (credit) map.attributionControl.addAttribution(credit);
	new BasemapLayer(() => {}).addTo(map).set(base.url, base.pack);
	L.control.scale({ imperial: false }).addTo(map);
	if (points.length > 0) {
		map.fitBounds(L.latLngBounds(points.map((p) => [p.lat, p.lon])), {
			padding: [24, 24],
			maxZoom: 15
		});
	} else {
		map.setView([52.02, -0.45], 10);
	}
	return { L, map };
}
