import { expect, test } from '@playwright/test';
import { CaseloadPage } from './pages/caseload-page';
import { LoginPage } from './pages/login-page';
import { SubjectPage } from './pages/subject-page';
import { supervisorApi, waitForServiceWorker } from './helpers';

test('an officer downloads the caseload and reads it with no signal, from cold', async ({
	browser
}) => {
	const context = await browser.newContext();
	const page = await context.newPage();
	await page.goto('/');
	await expect(page).toHaveURL(/\/login$/);

	await new LoginPage(page).signIn('officer1', 'demo-officer-1');
	const caseload = new CaseloadPage(page);
	await caseload.waitUntilReadyForOffline();
	const total = await caseload.total();
	expect(total).toBeGreaterThanOrEqual(15);
	await expect(page.getByTestId('last-synced')).toContainText('Last synced');
	await waitForServiceWorker(page);
	const names = await caseload.names();

	// No signal at all, and the app opened from cold in a fresh tab.
	await context.setOffline(true);
	await page.close();
	const cold = await context.newPage();
	await cold.goto('/');
	const offlineList = new CaseloadPage(cold);
	await expect(offlineList.rows.first()).toBeVisible();
	expect(await offlineList.total()).toBe(total);
	await expect(cold.getByTestId('connectivity')).toHaveText('Offline');
	await expect(cold.getByTestId('last-synced')).toContainText('Last synced');

	// Search and filters work on the device.
	const first = names[0]!;
	const family = first.split(',')[0]!;
	await offlineList.search.fill(family.toLowerCase());
	await expect(offlineList.rows.filter({ hasText: first })).toBeVisible();
	expect(await offlineList.shown()).toBeLessThan(total);
	await offlineList.search.fill('');

	// A subject page renders from IndexedDB, orders and conditions included.
	await offlineList.open(first);
	const subject = new SubjectPage(cold);
	await subject.expectLoaded(first);
	await expect(subject.orders.first()).toBeVisible();

	// Reloading a deep link offline is served by the service worker's app shell.
	await cold.reload();
	await subject.expectLoaded(first);
	await context.close();
});

test('a subject unassigned on the server leaves the device when it comes back online', async ({
	browser,
	baseURL
}) => {
	const context = await browser.newContext();
	const page = await context.newPage();
	await new LoginPage(page).signIn('officer2', 'demo-officer-2');
	const caseload = new CaseloadPage(page);
	await caseload.waitUntilReadyForOffline();
	const before = await caseload.total();
	await waitForServiceWorker(page);
	await context.setOffline(true);

	// While the officer is out, the supervisor takes one subject off their list.
	const api = await supervisorApi(baseURL!);
	const officers = (await (await api.get('/api/officers')).json()) as {
		officers: { id: string; username: string }[];
	};
	const officer2 = officers.officers.find((o) => o.username === 'officer2')!;
	const list = (await (await api.get(`/api/assignments?officerId=${officer2.id}`)).json()) as {
		assignments: { id: string; subjectId: string }[];
	};
	const removed = list.assignments[0]!;
	expect((await api.delete(`/api/assignments/${removed.id}`)).status()).toBe(200);

	await page.reload();
	await expect(caseload.rows.first()).toBeVisible();
	expect(await caseload.total()).toBe(before);

	await context.setOffline(false);
	await expect.poll(() => caseload.total()).toBe(before - 1);
	await page.goto(`/subjects/${removed.subjectId}`);
	await expect(page.getByRole('heading', { name: 'Not on this device' })).toBeVisible();
	await api.dispose();
	await context.close();
});
