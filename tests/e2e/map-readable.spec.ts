import { expect, test, type Locator } from '@playwright/test';
import { CaseloadPage } from './pages/caseload-page';
import { LoginPage } from './pages/login-page';
import { MapPage } from './pages/map-page';
import { RoutePage } from './pages/route-page';
import { sizes } from './pages/sizes';
import { waitForServiceWorker } from './helpers';

type Box = { x: number; y: number; width: number; height: number };
const overlaps = (a: Box, b: Box) =>
	a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const inside = (a: Box, b: Box) =>
	a.x >= b.x && a.y >= b.y && a.x + a.width <= b.x + b.width && a.y + a.height <= b.y + b.height;

async function boxes(items: Locator): Promise<Box[]> {
	return items.evaluateAll((els) =>
		els
			.filter((e) => {
				const tip = e.closest('.leaflet-tooltip') ?? e;
				return !tip.classList.contains('fc-label-hidden') && getComputedStyle(tip).opacity !== '0';
			})
			.map((e) => {
				const r = (e.closest('.leaflet-tooltip') ?? e).getBoundingClientRect();
				return { x: r.x, y: r.y, width: r.width, height: r.height };
			})
	);
}

for (const size of sizes) {
	test(`the map is readable on a ${size.name}`, async ({ browser }) => {
		test.setTimeout(120_000);
		const context = await browser.newContext({ viewport: size.viewport });
		// No real tile server in tests: the background fails, as it would with no signal.
		await context.route('https://tile.openstreetmap.org/**', (r) =>
			r.abort('internetdisconnected')
		);
		const page = await context.newPage();
		await new LoginPage(page).signIn('officer2', 'demo-officer-2');
		const caseload = new CaseloadPage(page);
		await caseload.waitUntilReadyForOffline();
		// The unlocked key survives the navigations below only once the service worker runs.
		await waitForServiceWorker(page);
		const total = await caseload.total();
		await caseload.open((await caseload.names())[0]!);
		await expect(page).toHaveURL(/\/subjects\/[^/]+$/);
		const subjectId = page.url().split('/').pop()!;

		const route = new RoutePage(page);
		await route.open();
		await route.plan();

		const map = new MapPage(page);
		await map.open(subjectId);
		await map.waitForMarkers(total);
		await expect(page.getByTestId('map-subject')).toBeVisible();
		const mapBox = (await map.map.boundingBox())!;
		const zoom = (await page.locator('.leaflet-control-zoom').boundingBox())!;

		// The subject in view: their address rings on the map, none under the zoom buttons.
		const rings = await boxes(map.map.locator('path.fc-address'));
		expect(rings.length).toBeGreaterThan(0);
		for (const r of rings) {
			expect(inside(r, mapBox)).toBe(true);
			expect(overlaps(r, zoom)).toBe(false);
		}

		// Labels on screen never overlap one another, nor the zoom buttons.
		const labels = await boxes(map.map.locator('.leaflet-tooltip'));
		expect(labels.length).toBeGreaterThan(0);
		labels.forEach((a, i) => {
			expect(overlaps(a, zoom)).toBe(false);
			for (const b of labels.slice(i + 1)) expect(overlaps(a, b)).toBe(false);
		});

		// Route stop numbers sit beside their stop, clear of its risk marker and any WANTED label.
		const stops = map.map.locator('.fc-route-icon');
		expect(await stops.count()).toBeGreaterThan(0);
		const wanted = await boxes(map.map.locator('.fc-wanted-label'));
		for (const icon of await stops.all()) {
			const disc = (await icon.locator('.fc-route-stop').boundingBox())!;
			const box = (await icon.boundingBox())!;
			// Leaflet places the icon so its anchor (46, 46) is on the stop itself.
			const at = { x: box.x + 46, y: box.y + 46 };
			const centre = { x: disc.x + disc.width / 2, y: disc.y + disc.height / 2 };
			// A wanted marker is 15 px across its ring: the disc's edge stays clear of it.
			expect(Math.hypot(centre.x - at.x, centre.y - at.y) - disc.width / 2).toBeGreaterThan(15);
			for (const w of wanted) expect(overlaps(disc, w)).toBe(false);
		}

		// No background: the notice and the offline-map panel agree and say what to do.
		await expect(map.noBasemap).toContainText('"Download area pack for offline maps" below');
		await expect(
			map.areaPack.getByRole('button', { name: 'Download area pack for offline maps' })
		).toBeVisible();
		await context.close();
	});
}
