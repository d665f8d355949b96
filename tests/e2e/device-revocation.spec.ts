import { expect, test } from '@playwright/test';
import { CaseloadPage } from './pages/caseload-page';
import { LoginPage } from './pages/login-page';
import { OutboxPage } from './pages/outbox-page';
import { VisitPage } from './pages/visit-page';
import { serverDb, waitForServiceWorker } from './helpers';

/** How the devices screen tells this tablet apart from the officer's other devices. */
const TABLET_AGENT = 'Mozilla/5.0 (Linux; Fieldcheck e2e tablet 7) Chromium';
const NOTES = 'Seen at the door; revocation test';
const DEVICE_NAME = 'Tablet 7 (e2e revocation)';

test('revoked on the devices screen: the tablet wipes on its next contact and its sealed visit waits in quarantine', async ({
	browser
}) => {
	test.setTimeout(120_000);
	const field = await browser.newContext({
		userAgent: TABLET_AGENT,
		permissions: ['geolocation'],
		geolocation: { latitude: 52.1357, longitude: -0.4665, accuracy: 12 }
	});
	const officer = await field.newPage();
	await new LoginPage(officer).signIn('officer3', 'demo-officer-3', { deviceName: DEVICE_NAME });
	const caseload = new CaseloadPage(officer);
	await caseload.waitUntilReadyForOffline();
	await waitForServiceWorker(officer);

	// Out of signal: a visit is finalised (and sealed) but cannot be sent.
	await field.setOffline(true);
	const name = (await caseload.names())[0]!;
	await caseload.open(name);
	const visit = new VisitPage(officer);
	const visitId = await visit.start();
	await visit.recordSeenCompliant(NOTES);
	const outbox = new OutboxPage(officer);
	await officer
		.getByRole('navigation', { name: 'Main' })
		.getByRole('link', { name: 'Outbox' })
		.click();
	await expect.poll(() => outbox.states()).toEqual(['saved']);

	// At the station the sergeant revokes that tablet on the devices screen.
	const station = await browser.newContext();
	const sergeant = await station.newPage();
	await new LoginPage(sergeant).signIn('sergeant', 'demo-sergeant');
	await sergeant.goto('/station/devices');
	// Found by the name the officer gave it at sign-in, with its browser beside it.
	const row = sergeant.getByRole('row').filter({ hasText: DEVICE_NAME });
	await expect(row).toHaveCount(1);
	await expect(row).toContainText(TABLET_AGENT);
	sergeant.once('dialog', (d) => void d.accept());
	await row.getByRole('button', { name: 'Revoke' }).click();
	await expect(sergeant.getByRole('status')).toContainText('its sessions have ended');
	await expect(row).toContainText('Revoked');

	// Back in signal, it syncs by itself; that first contact is refused: it wipes what is
	// readable and asks for a sign-in. The visit never reached the server as an ordinary push.
	await field.setOffline(false);
	await expect(officer.getByTestId('device-wiped')).toBeVisible();
	await expect(officer.getByText(NOTES)).toHaveCount(0);
	await expect(officer.getByText(name)).toHaveCount(0);
	await officer.goto('/');
	await expect(officer.getByTestId('device-wiped')).toBeVisible();
	await expect(caseload.rows).toHaveCount(0);
	expect(serverDb((db) => db.prepare('select id from visits where id = ?').get(visitId))).toBe(
		undefined
	);

	// The next sign-in on the tablet delivers the sealed copy: held for review, not applied.
	await new LoginPage(officer).signIn('officer3', 'demo-officer-3');
	await caseload.waitUntilReadyForOffline();
	await expect
		.poll(() =>
			serverDb((db) =>
				db.prepare('select reason, status from quarantine where visit_id = ?').get(visitId)
			)
		)
		.toEqual({ reason: 'device-revoked', status: 'pending' });
	expect(serverDb((db) => db.prepare('select id from visits where id = ?').get(visitId))).toBe(
		undefined
	);

	// The sergeant sees it on the quarantine screen, with what was recorded.
	await sergeant.goto('/station/devices/quarantine');
	const held = sergeant.getByRole('article').filter({ hasText: `Visit ${visitId.slice(0, 8)}` });
	await expect(held).toContainText('From a device that was revoked');
	await expect(held).toContainText(NOTES);
	await expect(held.getByRole('button', { name: 'Apply' })).toBeVisible();

	await field.close();
	await station.close();
});
