import { expect, test } from '@playwright/test';
import { CaseloadPage } from './pages/caseload-page';
import { LoginPage } from './pages/login-page';
import { VisitPage } from './pages/visit-page';
import { serverDb, waitForServiceWorker } from './helpers';

const onServer = (visitId: string) =>
	serverDb((db) => db.prepare('select count(*) as n from visits where id = ?').get(visitId)) as {
		n: number;
	};

/**
 * Headless Chromium runs Background Sync for real: its sync manager treats DevTools' offline
 * emulation (Playwright's setOffline) as the worker being offline, and fires pending syncs
 * when it is lifted. So this needs no simulated event: the browser itself wakes the worker.
 */
test('a failed send registers Background Sync, and the worker drains the queue with the app closed', async ({
	browser
}) => {
	const context = await browser.newContext();
	const page = await context.newPage();
	await new LoginPage(page).signIn('officer1', 'demo-officer-1');
	const caseload = new CaseloadPage(page);
	await caseload.waitUntilReadyForOffline();
	await waitForServiceWorker(page);

	// No signal: the visit is saved, the page's attempt to send it fails.
	await context.setOffline(true);
	await caseload.open((await caseload.names())[0]!);
	await page.getByRole('button', { name: 'Start visit here' }).first().click();
	const visit = new VisitPage(page);
	await visit.result('No reply');
	await visit.finalise();
	const visitId = new URL(page.url()).pathname.split('/').pop()!;
	await expect(page.getByTestId('sync-summary')).toHaveText('Offline · 1 waiting');

	// The browser holds a sync registration for the app.
	const tags = await page.evaluate(async () => {
		const reg = (await navigator.serviceWorker.ready) as ServiceWorkerRegistration & {
			sync: { getTags(): Promise<string[]> };
		};
		return reg.sync.getTags();
	});
	expect(tags).toContain('fieldcheck-sync');
	expect(onServer(visitId).n).toBe(0);

	// The app is closed; only its service worker remains. Signal returns.
	await page.close();
	expect(context.pages()).toHaveLength(0);
	await context.setOffline(false);
	await expect.poll(() => onServer(visitId).n, { timeout: 60_000 }).toBe(1);

	// Opened again, the device already knows the visit was received.
	const reopened = await context.newPage();
	await reopened.goto('/outbox');
	await expect(reopened.getByTestId('outbox-item').first()).toHaveAttribute('data-state', 'sent');
	await context.close();
});
