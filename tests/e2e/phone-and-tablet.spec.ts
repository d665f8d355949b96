import { expect, test } from '@playwright/test';
import { CaseloadPage } from './pages/caseload-page';
import { LayoutProbe } from './pages/layout-probe';
import { LoginPage } from './pages/login-page';
import { RoutePage } from './pages/route-page';
import { phone, tablet, type ScreenSize } from './pages/sizes';

/** The narrowest phone the app supports, besides the two screens it is checked on. */
const smallPhone: ScreenSize = { name: 'phone', viewport: { width: 360, height: 740 } };

for (const size of [smallPhone, phone, tablet]) {
	const { width, height } = size.viewport;
	test(`the officer's screens fit a ${width}×${height} screen`, async ({ browser }) => {
		test.setTimeout(120_000);
		const page = await browser.newPage({ viewport: size.viewport });
		const probe = new LayoutProbe(page);
		await new LoginPage(page).signIn('officer2', 'demo-officer-2');
		const caseload = new CaseloadPage(page);
		await caseload.waitUntilReadyForOffline();

		// The header: one row on a tablet, a compact block on a phone; every target ≥ 44 px.
		const header = page.locator('header').first();
		const headerHeight = await probe.height(header);
		if (size === tablet) expect(headerHeight).toBeLessThanOrEqual(72);
		else expect(headerHeight).toBeLessThanOrEqual(height * 0.22);
		expect(await probe.smallTargets(header)).toEqual([]);

		// The caseload: one scroll bar (the page's), nothing sideways, rows never clipped.
		expect(await probe.sidewaysOverflow()).toBe(0);
		expect(await probe.innerScrollers()).toEqual([]);
		expect(await caseload.rows.count()).toBeGreaterThan(5);
		expect(await probe.clipped(caseload.rows)).toBe(0);
		expect(await probe.smallTargets(page.getByRole('search'))).toEqual([]);
		expect(await page.evaluate(() => document.documentElement.scrollHeight > innerHeight)).toBe(
			true
		);

		// The route planner: the stop picker fits, and "Plan route" can be tapped where it is.
		const route = new RoutePage(page);
		await route.open();
		const picker = page.getByTestId('route-picker');
		await expect(picker).toBeVisible();
		expect((await picker.boundingBox())!.width).toBeLessThanOrEqual(width);
		expect(await probe.sidewaysOverflow()).toBe(0);
		expect(await probe.smallTargets(picker)).toEqual([]);
		const plan = page.getByRole('button', { name: /^Plan route for/ });
		await expect(plan).toBeInViewport();
		await plan.click({ trial: true });
		await route.plan();
		expect(await probe.sidewaysOverflow()).toBe(0);

		// A subject and the visit form: nothing sideways.
		await page.goto('/');
		await caseload.open((await caseload.names())[0]!);
		expect(await probe.sidewaysOverflow()).toBe(0);
		await page.getByRole('button', { name: 'Start visit here' }).first().click();
		await expect(page.getByRole('group', { name: 'Conditions checked' })).toBeVisible();
		expect(await probe.sidewaysOverflow()).toBe(0);
		expect(await probe.smallTargets(page.locator('form.visit'))).toEqual([]);
		await page.context().close();
	});
}
