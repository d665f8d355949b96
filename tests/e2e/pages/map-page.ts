import { expect, type Locator, type Page } from '@playwright/test';

/** The map, read through what it renders: cluster markers, data attributes, SVG paths, tiles. */
export class MapPage {
	readonly map: Locator;
	readonly clusters: Locator;
	readonly zones: Locator;
	readonly zoneLabels: Locator;
	readonly packTiles: Locator;
	readonly noBasemap: Locator;
	readonly areaPack: Locator;

	constructor(readonly page: Page) {
		this.map = page.getByTestId('map');
		this.clusters = page.getByTestId('map-cluster');
		this.zones = this.map.locator('path.fc-zone');
		this.zoneLabels = page.getByTestId('map-zone-label');
		this.packTiles = this.map.locator('canvas.leaflet-tile[data-source="pack"]');
		this.noBasemap = page.getByTestId('no-basemap');
		this.areaPack = page.getByTestId('area-pack');
	}

	async open(subjectId?: string): Promise<void> {
		await this.page.goto(subjectId ? `/map?subject=${subjectId}` : '/map');
	}

	/** Waits for the first drawing of the caseload's markers. */
	async waitForMarkers(subjects: number): Promise<void> {
		await expect(this.map).toHaveAttribute('data-subjects', String(subjects));
		await expect(this.map).toHaveAttribute('data-rendered-points', /\d+/);
	}

	/** Subjects drawn: each single marker, plus what each cluster says it holds. */
	async subjectsDrawn(): Promise<number> {
		const points = Number(await this.map.getAttribute('data-rendered-points'));
		const counts = await this.clusters.evaluateAll((els) =>
			els.map((e) => Number(e.getAttribute('data-count')))
		);
		return points + counts.reduce((a, b) => a + b, 0);
	}

	/** Labels on screen: Leaflet fades a removed label out for a moment before dropping it. */
	async visibleZoneLabels(): Promise<string[]> {
		const labels = await this.zoneLabels.evaluateAll((els) =>
			els
				.filter((e) => getComputedStyle(e.closest('.leaflet-tooltip') ?? e).opacity !== '0')
				.map((e) => e.textContent ?? '')
		);
		return labels.sort();
	}

	async downloadAreaPack(): Promise<void> {
		await this.page.getByRole('button', { name: 'Download area pack for offline maps' }).click();
	}
}
