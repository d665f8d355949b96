import { expect, test } from '@playwright/test';
import { CaseloadPage } from './pages/caseload-page';
import { LoginPage } from './pages/login-page';
import { RoutePage } from './pages/route-page';
import { VisitPage } from './pages/visit-page';
import { waitForServiceWorker } from './helpers';

test('an officer plans, pins, re-optimises and varies a route with no signal', async ({
	browser
}) => {
	test.setTimeout(120_000);
	const context = await browser.newContext();
	const page = await context.newPage();
	await new LoginPage(page).signIn('officer1', 'demo-officer-1');
	const caseload = new CaseloadPage(page);
	await caseload.waitUntilReadyForOffline();
	await waitForServiceWorker(page);
	// Earlier specs may have visited some of officer1's subjects today: those are not chosen.
	const total = (await caseload.total()) - (await caseload.visitedToday());

	await context.setOffline(true);
	const route = new RoutePage(page);
	await route.open();
	// Every subject assigned for today and not yet visited is chosen by default (the list fills
	// in once the caseload is read, and decrypted, after the heading shows).
	await expect.poll(() => route.chosen()).toBe(total);

	await route.plan();
	await expect(route.stops).toHaveCount(total);
	const arrivals = await route.arrivals();
	expect(arrivals).toHaveLength(total);
	for (const t of arrivals) expect(t).toMatch(/^([01]\d|2[0-3]):[0-5]\d$/);
	await expect(page.getByTestId('route-distance')).toHaveText(/^\d+(\.\d)? km$/);
	await expect(page.getByTestId('route-duration')).toHaveText(/\d+ h \d{2} min|\d+ min/);
	// Offline, the straight-line model is used, and the screen says so.
	await expect(page.getByTestId('route-model')).toHaveAttribute('data-model', 'great-circle');
	const planned = await route.order();
	expect(new Set(planned).size).toBe(total);

	// By hand: move the fifth stop up two places and pin it at third.
	const moved = planned[4]!;
	await route.moveUp(4);
	await route.moveUp(3);
	expect((await route.order())[2]).toBe(moved);
	await route.pin(2);

	await route.reoptimise();
	const reoptimised = await route.order();
	expect(reoptimised[2]).toBe(moved);
	expect([...reoptimised].sort()).toEqual([...planned].sort());
	await expect(route.stops.nth(2)).toHaveAttribute('data-pinned', 'true');

	await route.vary();
	const varied = await route.order();
	expect(varied).not.toEqual(reoptimised);
	expect(varied[2]).toBe(moved);
	expect([...varied].sort()).toEqual([...planned].sort());
	await expect(route.status).toContainText('A different order');

	// Still offline, the plan survives a reload exactly as it was.
	await page.reload();
	await expect(route.stops).toHaveCount(total);
	expect(await route.order()).toEqual(varied);
	await expect(route.stops.nth(2)).toHaveAttribute('data-pinned', 'true');

	// Visiting the first stop suggests the second.
	const secondName = (await route.stops.nth(1).locator('.name').textContent()) ?? '';
	await route.startVisit(0);
	const visit = new VisitPage(page);
	await visit.result('No reply');
	await visit.finalise();
	await expect(page.getByTestId('route-next-stop')).toContainText(`Next stop: ${secondName}`);
	await page.getByTestId('route-next-stop').getByRole('link', { name: 'Open' }).click();
	await expect(page).toHaveURL(new RegExp(`/subjects/${varied[1]}$`));
	await context.close();
});
