import { expect, test } from '@playwright/test';
import { CaseloadPage } from './pages/caseload-page';
import { LoginPage } from './pages/login-page';
import { OutboxPage } from './pages/outbox-page';
import { VisitPage } from './pages/visit-page';
import { waitForServiceWorker } from './helpers';

/**
 * What a page shows comes from live queries over IndexedDB: a write made anywhere else (here,
 * another tab of the same app) reaches an open page by itself, with no reload and no message.
 * Offline throughout, so nothing reaches the server and other tests' data is untouched.
 */
test('a visit recorded in a second tab appears in the first tab with no reload', async ({
	browser
}) => {
	const context = await browser.newContext();
	const a = await context.newPage();
	await new LoginPage(a).signIn('officer1', 'demo-officer-1');
	const caseload = new CaseloadPage(a);
	await caseload.waitUntilReadyForOffline();
	await waitForServiceWorker(a);
	const [name] = await caseload.names();
	expect(name).toBeTruthy();

	await context.setOffline(true);
	const outboxA = new OutboxPage(a);
	await outboxA.open();
	await expect(outboxA.items).toHaveCount(0);
	// Set on this document only: a reload (or navigation) of tab A would lose it.
	await a.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

	const b = await context.newPage();
	await b.goto('/');
	const caseloadB = new CaseloadPage(b);
	await caseloadB.open(name!);
	await b.getByRole('button', { name: 'Start visit here' }).first().click();
	const visit = new VisitPage(b);
	await visit.result('No reply');
	await visit.notes('Recorded in the second tab');
	await visit.waitUntilSaved();

	// The draft shows in tab A's outbox as it is written…
	await expect(a.getByRole('link', { name: /Draft visit/ })).toHaveCount(1);
	await visit.finalise();

	// …and the finalised visit replaces it, with the sync indicator's count following.
	await expect(outboxA.items).toHaveCount(1);
	await expect(outboxA.items.first()).toContainText(name!);
	expect(await outboxA.states()).toEqual(['saved']);
	await expect(a.getByRole('link', { name: /Draft visit/ })).toHaveCount(0);
	await expect(a.getByTestId('sync-summary')).toContainText('1 waiting');
	expect(await a.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(
		true
	);
	await context.close();
});
