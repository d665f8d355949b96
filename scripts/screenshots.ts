/**
 * The README's screenshots of the sergeant's day, made afresh on the demo data (synthetic people
 * only): `npx tsx scripts/screenshots.ts` writes docs/screenshots/*.png. It runs the built
 * server on a throw-away database, plans tonight's shift in Chromium, sends a few visits from
 * officers through the real sync API, then photographs each station screen.
 */
import { randomUUID } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { ensureBuild, startBuiltServer } from '../bench/lib/built-server';
import { contextOptions, launchBrowser } from '../bench/lib/browser';
import { DEMO, TestClient } from '../tests/integration/client';
import { mutations, officerOf, pushAs, visitFor } from '../tests/integration/sync-helpers';
import { LoginPage } from '../tests/e2e/pages/login-page';
import { PlanPage } from '../tests/e2e/pages/plan-page';

const OUT = 'docs/screenshots';

async function shot(page: Page, name: string): Promise<void> {
	await page.waitForTimeout(800); // maps and charts draw after the data arrives
	await page.screenshot({ path: `${OUT}/${name}.png`, fullPage: false });
	console.log(`${OUT}/${name}.png`);
}

mkdirSync(OUT, { recursive: true });
ensureBuild();
// The synthetic stand-in area pack (not a real map): this machine may not reach a tile server.
const pack = join(mkdtempSync(join(tmpdir(), 'fieldcheck-shots-')), 'area-pack.pmtiles');
execFileSync(process.execPath, ['--import', 'tsx', 'scripts/make-area-pack.ts', pack], {
	stdio: ['ignore', 'ignore', 'inherit']
});
const server = await startBuiltServer({
	FIELDCHECK_SEED_SUBJECTS: '60',
	FIELDCHECK_AREA_PACK: pack
});
const browser = await launchBrowser();
try {
	const context = await browser.newContext(contextOptions(server.url, 'block'));
	const page = await context.newPage();
	await new LoginPage(page).signIn('sergeant', 'demo-sergeant');
	await page.waitForURL((u) => !u.pathname.startsWith('/login'));

	const plan = new PlanPage(page);
	await plan.open('Night');
	await plan.select((await plan.names()).slice(0, 30));
	const names = await page
		.getByRole('combobox', { name: 'Officer', exact: true })
		.first()
		.locator('option')
		.allTextContents();
	const officers = names.filter((n) => n.startsWith('PC '));
	for (const [i, o] of officers.slice(0, 3).entries()) await plan.addCrew(i + 1, o);
	await page.getByRole('button', { name: 'Auto-plan' }).click();
	await page.getByTestId('crew-route').first().waitFor();
	await page.getByRole('heading', { name: 'Proposed routes' }).evaluate((e) => e.scrollIntoView());
	await shot(page, '1-plan-auto');
	await page.getByRole('textbox', { name: 'Operation name' }).last().fill('Op Lantern');
	await page.getByRole('button', { name: 'Assign these routes' }).click();
	await page.getByTestId('plan-message').waitFor();
	await page.evaluate(() => window.scrollTo(0, 0));
	await shot(page, '2-plan-assigned');

	// A few visits from the field, one a breach with an arrest.
	for (const [k, creds] of [DEMO.officer1, DEMO.officer2].entries()) {
		const client = new TestClient(server.url);
		await client.signIn(creds[0], creds[1]);
		const officer = await officerOf(client);
		const bundle = officer.page.bundles.find((b) => b.orders.some((o) => o.conditions.length));
		const order = bundle?.orders.find((o) => o.conditions.length);
		const visits = [0, 1, 2, 3].map((n) =>
			visitFor(officer, n, {
				result: n === 1 ? 'no-reply' : 'seen',
				startedAt: new Date(Date.now() - (60 - n * 12 - k * 5) * 60_000).toISOString()
			})
		);
		if (k === 0 && bundle && order) {
			visits.push(
				visitFor(officer, officer.page.bundles.indexOf(bundle), {
					checks: [
						{
							orderId: order.id,
							orderVersion: order.version,
							conditionId: order.conditions[0]!.id,
							outcome: 'breach',
							notes: 'Found inside the exclusion zone'
						}
					],
					actions: {
						arrest: { custodyReference: 'CU/26/0107' },
						wordsOfAdvice: false,
						safeguardingReferral: { consent: true },
						intelligenceSubmitted: true,
						bodyWornVideoRef: 'BWV-4471'
					},
					notes: 'Subject found at the address inside the exclusion zone. Arrested for breach.'
				})
			);
		}
		await pushAs(client, randomUUID(), mutations(visits));
	}

	await page.goto('/station/operation/dashboard');
	await page.getByTestId('breach-count').waitFor();
	await shot(page, '3-dashboard');
	await page.getByTestId('chart').first().scrollIntoViewIfNeeded();
	await shot(page, '4-dashboard-charts');

	await page.getByTestId('breaches').getByRole('link').first().click();
	await page.getByTestId('record-result').waitFor();
	await shot(page, '5-visit-record');

	await page.goto('/station/operation/follow-ups');
	await page.getByTestId('follow-up').first().waitFor();
	await shot(page, '8-follow-ups');

	// The dashboard on a 1024 x 768 tablet at the station.
	await page.setViewportSize({ width: 1024, height: 768 });
	await page.goto('/station/operation/dashboard');
	await page.getByTestId('officer-progress').waitFor();
	await shot(page, '9-dashboard-tablet');
	await page.setViewportSize({ width: 1280, height: 800 });

	await page.goto('/station/operation/briefing');
	await page.getByTestId('briefing-crew').first().waitFor();
	await shot(page, '6-briefing');

	await page.goto('/station/operation/export');
	await shot(page, '7-export');
	await context.close();
} finally {
	await browser.close();
	await server.dispose();
}
