/**
 * The Leaflet map and everything on it. Imported dynamically by the map component, so Leaflet,
 * supercluster, pmtiles and their CSS load only when the map is opened.
 */
import * as L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import type { PositionFix } from '../media/position';
import type { MapRouteStop } from '../state/map-route.svelte';
import { AreaPackTiles } from './area-pack-tiles';
import { BasemapLayer, type BasemapStatus } from './basemap-layer';
import { escapeHtml } from './escape-html';
import { ClusterLayer } from './cluster-layer';
import { declutterLabels } from './declutter';
import type { FocusOverlay } from './focus-overlay';
import type { MapPalette, MapPoint } from './map-points';
import { focusBounds, focusLayer, positionLayer, routeLayer } from './overlay-layers';

/** Bedfordshire, for a device with nothing on it yet. */
const HOME_VIEW: L.LatLngTuple = [52.02, -0.45];

export interface FieldMapEvents {
	onSelect: (subjectIds: string[]) => void;
	onBasemap: (status: BasemapStatus) => void;
}

function palette(el: HTMLElement): MapPalette {
	const css = getComputedStyle(el);
	const v = (name: string) => css.getPropertyValue(name).trim();
	return {
		high: v('--risk-high'),
		medium: v('--risk-medium'),
		standard: v('--risk-standard'),
		outline: v('--bg'),
		wanted: v('--text'),
		curfew: v('--accent')
	};
}

export class FieldMap {
	readonly #map: L.Map;
	readonly #el: HTMLElement;
	readonly #basemap: BasemapLayer;
	readonly #clusters: ClusterLayer;
	readonly #events: FieldMapEvents;
	#focus: L.FeatureGroup | null = null;
	#focusId: string | null = null;
	#focusKey = '';
	#route: L.FeatureGroup | null = null;
	#position: L.FeatureGroup | null = null;
	#packBlob: Blob | null = null;
	#pack: AreaPackTiles | null = null;
	#credit = '';
	#fitted = false;
	#painted = false;
	readonly #themeWatch: MutationObserver;

	constructor(el: HTMLElement, events: FieldMapEvents) {
		this.#el = el;
		this.#events = events;
		this.#map = L.map(el, { center: HOME_VIEW, zoom: 10, maxZoom: 19, zoomSnap: 1 });
		this.#map.attributionControl.setPrefix(false);
		this.#basemap = new BasemapLayer(events.onBasemap).addTo(this.#map);
		this.#clusters = new ClusterLayer(this.#map, {
			onSelect: events.onSelect,
			palette: () => palette(el),
			onRendered: (points, clusters) => this.#rendered(points, clusters)
		});
		// Canvas markers and tiles take their colours when drawn: redraw when the theme changes.
		this.#themeWatch = new MutationObserver(() => {
			this.#clusters.redraw();
			this.#basemap.redraw();
		});
		this.#themeWatch.observe(document.documentElement, { attributeFilter: ['data-theme'] });
		this.#map.on('zoomend moveend resize', () => this.#declutter());
	}

	/** After the frame that places the labels, hide address labels that would overlap others. */
	#declutter(): void {
		requestAnimationFrame(() => declutterLabels(this.#el));
	}

	#rendered(points: number, clusters: number): void {
		this.#el.dataset.renderedPoints = String(points);
		this.#el.dataset.renderedClusters = String(clusters);
		this.#declutter();
		if (this.#painted || points + clusters === 0) return;
		this.#painted = true;
		// After the frame that draws them: measured by `npm run bench:map`.
		requestAnimationFrame(() => setTimeout(() => performance.mark('fc:map:markers-painted'), 0));
	}

	setPoints(points: MapPoint[]): void {
		this.#el.dataset.subjects = String(points.length);
		// The first time, show the whole caseload (unless a subject is in view already).
		if (!this.#fitted && points.length > 0 && !this.#focusId) {
			this.#map.fitBounds(L.latLngBounds(points.map((p) => [p.lat, p.lon])), {
				padding: [24, 24],
				maxZoom: 15,
				animate: false
			});
			this.#fitted = true;
		}
		this.#clusters.setPoints(points);
	}

	setFocus(overlay: FocusOverlay | null): void {
		// The same subject re-read (after a sync, or a minute on) usually draws the same: keep it.
		const key = overlay ? JSON.stringify(overlay) : '';
		if (key === this.#focusKey) return;
		this.#focusKey = key;
		this.#focus?.remove();
		this.#focus = overlay ? focusLayer(overlay).addTo(this.#map) : null;
		this.#clusters.select(overlay?.subjectId ?? null);
		const id = overlay?.subjectId ?? null;
		if (overlay && id !== this.#focusId) {
			const bounds = focusBounds(overlay);
			if (bounds)
				this.#map.fitBounds(bounds, { ...this.#focusPadding(), maxZoom: 16, animate: false });
			this.#fitted = true;
		}
		this.#focusId = id;
		this.#declutter();
	}

	/**
	 * Room around a subject brought into view: clear of the zoom buttons (top left) and wide
	 * enough that the labels under their addresses stay on the map, on a phone too.
	 */
	#focusPadding(): L.FitBoundsOptions {
		const { x, y } = this.#map.getSize();
		const side = Math.round(Math.min(160, Math.max(56, x * 0.2)));
		const vertical = Math.round(Math.min(96, Math.max(48, y * 0.1)));
		return {
			paddingTopLeft: [Math.max(side, 64), Math.max(vertical, 112)],
			paddingBottomRight: [side, vertical]
		};
	}

	setRoute(stops: readonly MapRouteStop[]): void {
		this.#route?.remove();
		this.#route =
			stops.length > 0
				? routeLayer(stops, (id) => this.#events.onSelect([id])).addTo(this.#map)
				: null;
	}

	setPosition(fix: PositionFix | null): void {
		this.#position?.remove();
		this.#position = fix ? positionLayer(fix).addTo(this.#map) : null;
	}

	centreOn(fix: PositionFix): void {
		this.#map.setView([fix.lat, fix.lon], Math.max(this.#map.getZoom(), 15));
	}

	async setBasemap(tileUrl: string | null, attribution: string, pack: Blob | null): Promise<void> {
		if (pack !== this.#packBlob) {
			this.#packBlob = pack;
			// A pack that cannot be read is treated as none: network tiles, or the plain background.
			this.#pack = pack ? await AreaPackTiles.open(pack).catch(() => null) : null;
		}
		const credit = [tileUrl ? escapeHtml(attribution) : '', this.#pack ? 'Offline area pack' : '']
			.filter(Boolean)
			.join(' · ');
		if (credit !== this.#credit) {
			if (this.#credit) this.#map.attributionControl.removeAttribution(this.#credit);
			if (credit) this.#map.attributionControl.addAttribution(credit);
			this.#credit = credit;
		}
		this.#basemap.set(tileUrl, this.#pack);
	}

	/** Leaflet measures its container once; tell it when the layout changes size. */
	resize(): void {
		this.#map.invalidateSize();
	}

	destroy(): void {
		this.#themeWatch.disconnect();
		this.#map.remove();
	}
}
