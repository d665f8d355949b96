import * as L from 'leaflet';
import { addressKindLabels } from '$lib/domain/subject';
import type { PositionFix } from '../media/position';
import type { MapRouteStop } from '../state/map-route.svelte';
import { overlayExtent, type FocusOverlay } from './focus-overlay';

/** Text as a DOM node: Leaflet treats a string as HTML, and these labels come from records. */
function text(value: string, className: string, testId?: string): HTMLElement {
	const el = document.createElement('span');
	el.className = className;
	el.textContent = value;
	if (testId) el.dataset.testid = testId;
	return el;
}

/**
 * The subject in view: exclusion zones (red, labelled), their addresses, and curfew addresses
 * while the curfew is in force. Drawn as SVG above the caseload markers.
 */
export function focusLayer(o: FocusOverlay): L.FeatureGroup {
	const group = L.featureGroup();
	for (const z of o.zones) {
		const style = { className: 'fc-zone', color: '#e5484d', weight: 3, fillOpacity: 0.15 };
		const shape =
			z.shape === 'circle'
				? L.circle([z.center.lat, z.center.lon], { ...style, radius: z.radiusM })
				: L.polygon(
						z.rings.map((ring) => ring.map((p) => [p.lat, p.lon] as L.LatLngTuple)),
						style
					);
		shape.bindTooltip(text(`Exclusion zone: ${z.label}`, 'fc-zone-label', 'map-zone-label'), {
			permanent: true,
			direction: 'center'
		});
		group.addLayer(shape);
	}
	for (const a of o.addresses) {
		// A ring, not a dot: the subject's own risk marker stays visible inside it.
		group.addLayer(
			L.circleMarker([a.location.lat, a.location.lon], {
				className: 'fc-address',
				radius: 14,
				color: '#3b82f6',
				weight: 3,
				fill: false,
				interactive: false
			}).bindTooltip(text(`${addressKindLabels[a.kind]}: ${a.label}`, 'fc-address-label'), {
				permanent: true,
				direction: 'bottom',
				offset: [0, 12]
			})
		);
	}
	for (const c of o.curfews) {
		const icon = L.divIcon({
			className: 'fc-curfew-icon',
			html: text(c.label, 'fc-curfew', 'map-curfew'),
			iconSize: undefined
		});
		group.addLayer(L.marker([c.location.lat, c.location.lon], { icon, keyboard: false }));
	}
	return group;
}

export function focusBounds(o: FocusOverlay): L.LatLngBounds | null {
	const points = overlayExtent(o);
	return points.length > 0 ? L.latLngBounds(points.map((p) => [p.lat, p.lon])) : null;
}

/** The planned route: a line through the stops in order, each stop with its number. */
export function routeLayer(stops: readonly MapRouteStop[], onSelect: (id: string) => void) {
	const group = L.featureGroup();
	if (stops.length === 0) return group;
	group.addLayer(
		L.polyline(
			stops.map((s) => [s.lat, s.lon]),
			{ className: 'fc-route', color: '#7cc4ff', weight: 5, opacity: 0.9 }
		)
	);
	for (const stop of stops) {
		const icon = L.divIcon({
			className: 'fc-route-icon',
			html: text(stop.label, 'fc-route-stop', 'map-route-stop'),
			iconSize: [44, 44],
			// Up and to the left of the stop, clear of the risk colour and the WANTED label on the
			// right: the route line still runs through the subject's own marker.
			iconAnchor: [46, 46]
		});
		group.addLayer(
			L.marker([stop.lat, stop.lon], { icon, title: `Stop ${stop.label}`, zIndexOffset: 1000 }).on(
				'click',
				() => onSelect(stop.subjectId)
			)
		);
	}
	return group;
}

/** The officer: a dot, and a circle as wide as the fix is uncertain. */
export function positionLayer(fix: PositionFix): L.FeatureGroup {
	return L.featureGroup([
		L.circle([fix.lat, fix.lon], {
			className: 'fc-position-accuracy',
			radius: fix.accuracyM,
			color: '#3b82f6',
			weight: 1,
			fillOpacity: 0.12,
			interactive: false
		}),
		L.circleMarker([fix.lat, fix.lon], {
			className: 'fc-position',
			radius: 8,
			color: '#ffffff',
			weight: 3,
			fillColor: '#3b82f6',
			fillOpacity: 1,
			interactive: false
		})
	]);
}
