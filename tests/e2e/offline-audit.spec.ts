import { expect, test, type Page } from '@playwright/test';
import { CaseloadPage } from './pages/caseload-page';
import { LoginPage } from './pages/login-page';
import { OutboxPage } from './pages/outbox-page';
import { serverDb, waitForServiceWorker } from './helpers';

/** The device's sync id, which IndexedDB keeps readable (it names no one). */
const deviceIdOf = (page: Page) =>
	page.evaluate(
		() =>
			new Promise<string>((resolve, reject) => {
				const open = indexedDB.open('fieldcheck');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const get = open.result.transaction('meta').objectStore('meta').get('deviceId');
					get.onsuccess = () => resolve((get.result as { value: string }).value);
					get.onerror = () => reject(get.error);
				};
			})
	);

const viewsOnServer = (deviceId: string) =>
	serverDb(
		(db) =>
			db
				.prepare(
					`SELECT entity_id AS subjectId, count(*) AS n FROM audit
					 WHERE device_id = ? AND action = 'device-subject-viewed'
					 GROUP BY entity_id ORDER BY entity_id`
				)
				.all(deviceId) as { subjectId: string; n: number }[]
	);

test('subjects viewed with no signal are audited on the server once the device syncs, exactly once', async ({
	browser
}) => {
	test.setTimeout(120_000);
	const field = await browser.newContext();
	const officer = await field.newPage();
	await new LoginPage(officer).signIn('officer1', 'demo-officer-1');
	const caseload = new CaseloadPage(officer);
	await caseload.waitUntilReadyForOffline();
	await waitForServiceWorker(officer);
	const deviceId = await deviceIdOf(officer);

	// Two subjects opened in the car, out of signal.
	await field.setOffline(true);
	const viewed: string[] = [];
	for (const name of (await caseload.names()).slice(0, 2)) {
		await caseload.open(name);
		await officer.waitForURL(/\/subjects\//);
		await expect(officer.getByRole('heading', { level: 1 })).toBeVisible();
		viewed.push(officer.url().split('/').pop()!);
		await officer
			.getByRole('navigation', { name: 'Main' })
			.getByRole('link', { name: 'Caseload' })
			.click();
		await caseload.waitUntilReadyForOffline();
	}
	expect(viewsOnServer(deviceId)).toEqual([]);

	// Back in signal: the views travel in the sequenced push. Sending again adds nothing.
	await field.setOffline(false);
	const outbox = new OutboxPage(officer);
	await officer
		.getByRole('navigation', { name: 'Main' })
		.getByRole('link', { name: 'Outbox' })
		.click();
	const expected = [...viewed].sort().map((subjectId) => ({ subjectId, n: 1 }));
	await expect
		.poll(async () => {
			await outbox.sendNow();
			return viewsOnServer(deviceId);
		})
		.toEqual(expected);
	await outbox.sendNow();
	await expect(officer.getByTestId('sync-summary')).toBeVisible();
	await officer.reload();
	await outbox.sendNow();
	expect(viewsOnServer(deviceId)).toEqual(expected);

	// The administrator's audit screen shows each view once, for this device and officer.
	const station = await browser.newContext();
	const admin = await station.newPage();
	await new LoginPage(admin).signIn('admin', 'demo-admin');
	await admin.goto('/station/audit');
	for (const subjectId of viewed) {
		await admin.getByLabel('Subject id').fill(subjectId);
		await admin.getByLabel('Device id').fill(deviceId);
		await admin.getByRole('button', { name: 'Filter' }).click();
		const rows = admin.getByRole('row').filter({ hasText: 'device-subject-viewed' });
		await expect(rows).toHaveCount(1);
		await expect(rows).toContainText('officer1');
		await expect(rows).toContainText(subjectId.slice(0, 8));
		await expect(rows).toContainText(deviceId.slice(0, 8));
	}

	await field.close();
	await station.close();
});
