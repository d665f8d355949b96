import type * as Leaflet from 'leaflet';

/**
 * Leaflet for station screens, loaded on first use so officer pages never carry it twice and
 * station pages open before the map is needed. No basemap tiles: the station is online but the
 * app has no tile server of its own; positions, routes and distances are what matter here.
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

/** A plain map in `el` fitted to the points, with a scale bar. */
export async function stationMap(
	el: HTMLElement,
	points: { lat: number; lon: number }[]
): Promise<{ L: typeof Leaflet; map: Leaflet.Map }> {
	const L = await loadLeaflet();
	const map = L.map(el, { zoomControl: true, attributionControl: false });
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
