import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { CaseloadPage } from './pages/caseload-page';
import { LoginPage } from './pages/login-page';
import { MapPage } from './pages/map-page';
import { SubjectPage } from './pages/subject-page';
import { serverDb, waitForServiceWorker } from './helpers';

interface Zone {
	type: string;
	label: string;
	protectedPremises: boolean;
	zone: { shape: string };
}
interface Order {
	status: string;
	startsAt: string;
	expiresAt: string | null;
	conditions: Zone[];
}

/** One of the officer's subjects with drawable exclusion zones in force, from the server's own data. */
function subjectWithZone(username: string): { subjectId: string; labels: string[] } {
	const rows = serverDb((db) =>
		db
			.prepare(
				`select o.subject_id as subjectId, o.data from orders o
				 join assignments a on a.subject_id = o.subject_id and a.active = 1
				 join users u on u.id = a.officer_id where u.username = ?`
			)
			.all(username)
	) as { subjectId: string; data: string }[];
	const now = Date.now();
	const bySubject = new Map<string, string[]>();
	for (const row of rows) {
		const order = JSON.parse(row.data) as Order;
		const inForce =
			(order.status === 'active' || order.status === 'varied') &&
			Date.parse(order.startsAt) <= now &&
			(order.expiresAt === null || Date.parse(order.expiresAt) > now);
		if (!inForce) continue;
		const labels = bySubject.get(row.subjectId) ?? [];
		for (const c of order.conditions) {
			if (c.type !== 'exclusion-zone' || c.zone.shape === 'named') continue;
			labels.push(c.protectedPremises ? 'Protected premises' : c.label);
		}
		bySubject.set(row.subjectId, labels);
	}
	for (const [subjectId, labels] of bySubject) {
		if (labels.length > 0) return { subjectId, labels };
	}
	throw new Error('the demo seed gave officer1 no subject with a drawable zone');
}

test('the map works with no signal: markers, a subject’s zones, and an area pack fetched at the station', async ({
	browser
}) => {
	test.setTimeout(120_000);
	const context = await browser.newContext({
		permissions: ['geolocation'],
		geolocation: { latitude: 52.1357, longitude: -0.4665, accuracy: 25 }
	});
	// No real tile server in tests: every request for an OpenStreetMap tile fails, online or not.
	await context.route('https://tile.openstreetmap.org/**', (route) =>
		route.abort('internetdisconnected')
	);
	const page = await context.newPage();
	await new LoginPage(page).signIn('officer1', 'demo-officer-1');
	const caseload = new CaseloadPage(page);
	await caseload.waitUntilReadyForOffline();
	const total = await caseload.total();
	await waitForServiceWorker(page);

	// On patrol, no signal, no area pack: every subject is on the map, on a plain background.
	await context.setOffline(true);
	const map = new MapPage(page);
	await map.open();
	await map.waitForMarkers(total);
	expect(await map.subjectsDrawn()).toBe(total);
	// Never online with the map open, so whether the server has a pack is not known yet: the
	// notice and the offline-map panel say the same thing, and what to do.
	const next = 'Connect at the station to see whether an area pack is available';
	await expect(map.noBasemap).toContainText(next);
	await expect(map.areaPack).toContainText(next);
	await expect(map.map.locator('path.fc-position')).toHaveCount(1);

	// A subject in view: their exclusion zones drawn and labelled, protected premises never named.
	const { subjectId, labels } = subjectWithZone('officer1');
	await map.open(subjectId);
	await expect(map.zones).toHaveCount(labels.length);
	await expect
		.poll(() => map.visibleZoneLabels())
		.toEqual(labels.map((l) => `Exclusion zone: ${l}`).sort());
	const panel = page.getByTestId('map-subject');
	await expect(panel).toBeVisible();
	const name = (await panel.getByRole('heading', { level: 2 }).textContent()) ?? '';
	await panel.getByRole('link', { name: 'Open subject' }).click();
	await new SubjectPage(page).expectLoaded(name);

	// At the station: the area pack download is cut off once, then resumed to the end.
	await context.setOffline(false);
	await context.route('**/api/map/area-pack', (route) => route.abort('connectionreset'), {
		times: 1
	});
	await map.open();
	await map.waitForMarkers(total);
	await map.downloadAreaPack();
	await expect(map.areaPack).toHaveAttribute('data-phase', 'partial');
	await expect(map.areaPack.getByRole('alert')).toContainText('interrupted');
	await map.areaPack.getByRole('button', { name: 'Resume download' }).click();
	await expect(map.areaPack).toHaveAttribute('data-phase', 'complete');
	await expect(page.getByTestId('area-pack-ready')).toBeVisible();

	// Back on patrol: the basemap now comes from the pack on the device.
	await context.setOffline(true);
	await page.close();
	const cold = await context.newPage();
	const offline = new MapPage(cold);
	await offline.open();
	await offline.waitForMarkers(total);
	await expect(offline.packTiles.first()).toBeVisible();
	expect(await offline.packTiles.count()).toBeGreaterThan(3);
	// The tile server is unreachable: nothing on screen came from it.
	await expect(offline.map.locator('.leaflet-tile[data-source="network"]')).toHaveCount(0);
	await expect(offline.noBasemap).toBeHidden();
	await expect(cold.locator('.leaflet-control-attribution')).toContainText('Offline area pack');
	await context.close();
});

test('tiles the officer has looked at are shown again with no signal, and no others are fetched', async ({
	browser
}) => {
	const context = await browser.newContext();
	// A stand-in tile server (the real one is never contacted), counting what it is asked for.
	const asked = new Set<string>();
	const tile = readFileSync('static/icons/icon-192.png');
	await context.route('https://tile.openstreetmap.org/**', (route) => {
		asked.add(new URL(route.request().url()).pathname);
		return route.fulfill({
			status: 200,
			contentType: 'image/png',
			headers: { 'access-control-allow-origin': '*' },
			body: tile
		});
	});
	const page = await context.newPage();
	await new LoginPage(page).signIn('officer2', 'demo-officer-2');
	const caseload = new CaseloadPage(page);
	await caseload.waitUntilReadyForOffline();
	const total = await caseload.total();
	await waitForServiceWorker(page);

	const map = new MapPage(page);
	await map.open();
	await map.waitForMarkers(total);
	const networkTiles = map.map.locator('canvas.leaflet-tile[data-source="network"]');
	await expect(networkTiles.first()).toBeVisible();
	const seen = await networkTiles.count();
	// Only the tiles in view (and Leaflet's small margin) were asked for: no bulk download.
	expect(asked.size).toBeLessThan(seen + 30);

	// Kept by the service worker's tile cache, not the HTTP cache (the stub sends no cache headers).
	const cached = () =>
		page.evaluate(async () => (await (await caches.open('fieldcheck-tiles')).keys()).length);
	await expect.poll(cached).toBeGreaterThanOrEqual(seen);

	await context.setOffline(true);
	await page.reload();
	await map.waitForMarkers(total);
	await expect(networkTiles).toHaveCount(seen);
	await expect(map.noBasemap).toBeHidden();
	await context.close();
});
