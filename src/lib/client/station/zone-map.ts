/**
 * The station's editing map: an exclusion zone drawn as a circle or polygon, or a point picked
 * for an address. Drawing is Geoman's (a maintained Leaflet plugin), never hand-written.
 * Imported dynamically by station pages only, so officers' devices never load it.
 */
import * as L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import '@geoman-io/leaflet-geoman-free/dist/leaflet-geoman.css';
import type {} from '@geoman-io/leaflet-geoman-free';
import type { LatLng } from '$lib/domain/common';
import type { Zone } from '$lib/domain/condition';

const HOME: L.LatLngTuple = [52.02, -0.45];

let plugin: Promise<unknown> | undefined;

/**
 * Geoman is a script that extends the global `L`. Vite gives us Leaflet's ES module, whose
 * namespace cannot be extended, so the plugin gets a plain copy: the classes (and the
 * prototypes Geoman patches) are the same objects.
 */
function loadGeoman(): Promise<unknown> {
	(globalThis as { L?: unknown }).L ??= { ...L };
	plugin ??= import('@geoman-io/leaflet-geoman-free');
	return plugin;
}

function baseMap(el: HTMLElement, tileUrl: string | null, attribution: string): L.Map {
	const map = L.map(el, { zoomControl: true }).setView(HOME, 11);
	if (tileUrl) L.tileLayer(tileUrl, { maxZoom: 19, attribution }).addTo(map);
	return map;
}

function toZone(layer: L.Layer): Zone | null {
	if (layer instanceof L.Circle) {
		const c = layer.getLatLng();
		return {
			shape: 'circle',
			center: { lat: c.lat, lon: c.lng },
			radiusM: Math.round(layer.getRadius())
		};
	}
	if (layer instanceof L.Polygon) {
		const rings = (layer.getLatLngs() as L.LatLng[][]).map((ring) =>
			ring.map((p) => ({ lat: p.lat, lon: p.lng }))
		);
		return { shape: 'polygon', rings };
	}
	return null;
}

function zoneLayer(zone: Zone): L.Layer | null {
	if (zone.shape === 'circle')
		return L.circle([zone.center.lat, zone.center.lon], { radius: zone.radiusM });
	if (zone.shape === 'polygon')
		return L.polygon(zone.rings.map((r) => r.map((p) => [p.lat, p.lon] as L.LatLngTuple)));
	return null;
}

export interface ZoneEditor {
	destroy(): void;
}

/** One zone at a time: drawing a new shape replaces the old; editing reports the new shape. */
export async function zoneEditor(
	el: HTMLElement,
	opts: {
		tileUrl: string | null;
		attribution: string;
		initial: Zone | null;
		onChange: (z: Zone | null) => void;
	}
): Promise<ZoneEditor> {
	await loadGeoman();
	const map = baseMap(el, opts.tileUrl, opts.attribution);
	let current: L.Layer | null = opts.initial ? zoneLayer(opts.initial) : null;
	const watch = (layer: L.Layer) => {
		layer.on('pm:edit', () => opts.onChange(toZone(layer)));
	};
	if (current) {
		current.addTo(map);
		watch(current);
		if (current instanceof L.Circle || current instanceof L.Polygon)
			map.fitBounds(current.getBounds());
	}
	map.pm.addControls({
		position: 'topleft',
		drawMarker: false,
		drawCircleMarker: false,
		drawPolyline: false,
		drawRectangle: false,
		drawText: false,
		cutPolygon: false,
		rotateMode: false,
		dragMode: false
	});
	map.on('pm:create', (e) => {
		if (current) map.removeLayer(current);
		current = e.layer;
		watch(current);
		opts.onChange(toZone(current));
	});
	map.on('pm:remove', () => {
		current = null;
		opts.onChange(null);
	});
	return { destroy: () => map.remove() };
}

/** A point for an address, placed by clicking (or dragging the marker). */
export function pointPicker(
	el: HTMLElement,
	opts: {
		tileUrl: string | null;
		attribution: string;
		initial: LatLng | null;
		onChange: (p: LatLng) => void;
	}
): ZoneEditor {
	const map = baseMap(el, opts.tileUrl, opts.attribution);
	const icon = L.divIcon({ className: 'pick-marker', iconSize: [18, 18] });
	let marker: L.Marker | null = null;
	const place = (ll: L.LatLng) => {
		if (!marker) {
			marker = L.marker(ll, { draggable: true, icon }).addTo(map);
			marker.on('dragend', () =>
				opts.onChange({ lat: marker!.getLatLng().lat, lon: marker!.getLatLng().lng })
			);
		} else marker.setLatLng(ll);
		opts.onChange({ lat: ll.lat, lon: ll.lng });
	};
	if (opts.initial) {
		marker = L.marker([opts.initial.lat, opts.initial.lon], { draggable: true, icon }).addTo(map);
		marker.on('dragend', () =>
			opts.onChange({ lat: marker!.getLatLng().lat, lon: marker!.getLatLng().lng })
		);
		map.setView([opts.initial.lat, opts.initial.lon], 15);
	}
	map.on('click', (e: L.LeafletMouseEvent) => place(e.latlng));
	return { destroy: () => map.remove() };
}
