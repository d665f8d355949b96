import * as L from 'leaflet';
import Supercluster from 'supercluster';
import {
	addTally,
	clusterLabel,
	clusterRisk,
	clusterSize,
	pointStyle,
	tallyOf,
	type ClusterTally,
	type MapPalette,
	type MapPoint
} from './map-points';

type Props = { i: number };

/** Glove-sized hit area: a 7 px marker plus this on every side is 44 px across. */
const HIT_TOLERANCE = 15;
/** At most this many "WANTED" labels at once; more would bury the map (the rings still show). */
const MAX_LABELS = 60;

/**
 * The caseload's markers, clustered with supercluster so 10,000 stay smooth: only what is in
 * view (plus a margin) is drawn, single subjects as canvas circles, clusters as small DOM
 * markers carrying their count. Recomputed when the map stops moving.
 */
export class ClusterLayer {
	readonly #map: L.Map;
	readonly #renderer = L.canvas({ padding: 0.5, tolerance: HIT_TOLERANCE });
	readonly #group = L.layerGroup();
	readonly #onSelect: (ids: string[]) => void;
	readonly #palette: () => MapPalette;
	readonly #onRendered: (points: number, clusters: number) => void;
	#points: MapPoint[] = [];
	#index: Supercluster<Props, ClusterTally> | null = null;
	#selected: string | null = null;

	constructor(
		map: L.Map,
		opts: {
			onSelect: (ids: string[]) => void;
			palette: () => MapPalette;
			onRendered: (points: number, clusters: number) => void;
		}
	) {
		this.#map = map;
		this.#onSelect = opts.onSelect;
		this.#palette = opts.palette;
		this.#onRendered = opts.onRendered;
		this.#group.addTo(map);
		map.on('moveend', () => this.#render());
	}

	setPoints(points: MapPoint[]): void {
		this.#points = points;
		this.#index = new Supercluster<Props, ClusterTally>({
			radius: 60,
			maxZoom: 16,
			map: (p) => tallyOf(points[p.i]!),
			reduce: addTally
		}).load(
			points.map((p, i) => ({
				type: 'Feature',
				geometry: { type: 'Point', coordinates: [p.lon, p.lat] },
				properties: { i }
			}))
		);
		this.#render();
	}

	/** Draw again, e.g. with the other theme's colours. */
	redraw(): void {
		this.#render();
	}

	select(id: string | null): void {
		if (id === this.#selected) return;
		this.#selected = id;
		this.#render();
	}

	#render(): void {
		const index = this.#index;
		this.#group.clearLayers();
		if (!index) return;
		const view = this.#map.getBounds().pad(0.25);
		const zoom = Math.round(this.#map.getZoom());
		const features = index.getClusters(
			[view.getWest(), view.getSouth(), view.getEast(), view.getNorth()],
			zoom
		);
		const palette = this.#palette();
		let points = 0;
		let labels = 0;
		for (const f of features) {
			const [lon = 0, lat = 0] = f.geometry.coordinates;
			if ('cluster' in f.properties && f.properties.cluster) {
				this.#group.addLayer(this.#clusterMarker(index, lat, lon, f.properties));
				continue;
			}
			const p = this.#points[(f.properties as Props).i];
			if (!p) continue;
			points += 1;
			const marker = L.circleMarker([lat, lon], {
				...pointStyle(p, palette, p.subjectId === this.#selected),
				renderer: this.#renderer
			}).on('click', () => this.#onSelect([p.subjectId]));
			if (p.wanted && labels++ < MAX_LABELS) {
				marker.bindTooltip('WANTED', {
					permanent: true,
					direction: 'right',
					offset: [10, 0],
					className: 'fc-wanted-label'
				});
			}
			this.#group.addLayer(marker);
		}
		this.#onRendered(points, features.length - points);
	}

	#clusterMarker(
		index: Supercluster<Props, ClusterTally>,
		lat: number,
		lon: number,
		props: Supercluster.ClusterProperties & ClusterTally
	): L.Marker {
		const count = props.point_count;
		const size = clusterSize(count);
		const label = clusterLabel(count, props);
		// Only numbers and our own words go into this HTML; never a name.
		const html =
			`<span class="fc-cluster risk-${clusterRisk(props)}" data-testid="map-cluster" data-count="${count}">${count}` +
			(props.wanted > 0 ? `<span class="fc-cluster-wanted">${props.wanted}</span>` : '') +
			'</span>';
		return L.marker([lat, lon], {
			icon: L.divIcon({ html, className: 'fc-cluster-icon', iconSize: [size, size] }),
			title: label,
			alt: label,
			keyboard: true
		}).on('click', () => {
			const leaves = index.getLeaves(props.cluster_id, 50);
			const first = leaves[0]?.geometry.coordinates;
			const sameSpot = leaves.every(
				(l) => l.geometry.coordinates[0] === first?.[0] && l.geometry.coordinates[1] === first?.[1]
			);
			if (!sameSpot) {
				this.#map.setView([lat, lon], index.getClusterExpansionZoom(props.cluster_id));
				return;
			}
			// Several subjects at one address: no zoom separates them, so let the officer choose.
			this.#onSelect(
				leaves.flatMap((l) => {
					const p = this.#points[l.properties.i];
					return p ? [p.subjectId] : [];
				})
			);
		});
	}
}
