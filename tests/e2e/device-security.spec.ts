import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, expect, test, type BrowserContext, type Page } from '@playwright/test';
import config from '../../playwright.config';
import { CaseloadPage } from './pages/caseload-page';
import { LockPage, LoginPage, TEST_PASSPHRASE } from './pages/login-page';
import { OutboxPage } from './pages/outbox-page';
import { VisitPage } from './pages/visit-page';
import { serverDb, waitForServiceWorker } from './helpers';
import { findOnDisk, textNeedles } from './profile-scan';

const PHOTO = 'static/icons/icon-512.png';
const NOTES = 'Subject answered wearing a green Lakeside Rovers shirt, very agitated';
const BASE_URL = config.use?.baseURL ?? 'http://127.0.0.1:4173';

/** Signs in, opens the first subject and records a visit with a photo and notes. */
async function recordVisit(page: Page, user: string, password: string) {
	await new LoginPage(page).signIn(user, password);
	const caseload = new CaseloadPage(page);
	await caseload.waitUntilReadyForOffline();
	await waitForServiceWorker(page);
	await caseload.rows.first().click();
	await page.waitForURL(/\/subjects\//);
	const subjectId = page.url().split('/').pop()!;
	await page.getByRole('button', { name: 'Start visit here' }).first().click();
	await page.waitForURL(/\/visits\//);
	const visit = new VisitPage(page);
	await visit.result('Seen');
	// A subject who was seen has every condition marked before the visit can be locked.
	await visit.markAllConditions('Compliant');
	await visit.notes(NOTES);
	await visit.addPhoto(PHOTO);
	const visitId = page.url().split('/').pop()!;
	await visit.finalise();
	return { subjectId, visitId };
}

test('a closed browser holds no personal plaintext on disk, before and after sign-out', async () => {
	test.setTimeout(180_000);
	const dir = mkdtempSync(join(tmpdir(), 'fc-profile-'));
	const open = () =>
		chromium.launchPersistentContext(dir, {
			...config.use,
			baseURL: BASE_URL,
			permissions: ['geolocation'],
			geolocation: { latitude: 52.1357, longitude: -0.4665, accuracy: 12 }
		});
	let context: BrowserContext = await open();
	try {
		let page = context.pages()[0] ?? (await context.newPage());
		const { subjectId, visitId } = await recordVisit(page, 'officer2', 'demo-officer-2');
		const outbox = new OutboxPage(page);
		await outbox.open();
		await expect.poll(() => outbox.states()).toEqual(['sent']);

		// What a finder would look for, taken from the server's own copy.
		const known = serverDb((db) => {
			const s = db
				.prepare('select family_name, data from subjects where id = ?')
				.get(subjectId) as {
				family_name: string;
				data: string;
			};
			const address = db
				.prepare('select data from addresses where subject_id = ?')
				.get(subjectId) as {
				data: string;
			};
			const orders = db.prepare('select data from orders where subject_id = ?').all(subjectId) as {
				data: string;
			}[];
			const photo = db
				.prepare(
					'select b.data from photo_blobs b join photos p on p.sha256 = b.sha256 join visit_photos v on v.photo_id = p.id where v.visit_id = ?'
				)
				.get(visitId) as { data: Buffer };
			return { s, address, orders, photo };
		});
		const wording = known.orders
			.flatMap((o) => (JSON.parse(o.data) as { conditions: { wording: string }[] }).conditions)
			.map((c) => c.wording)
			.find((w) => w.length >= 12)!;
		const middle = Math.floor(known.photo.data.length / 2);
		const needles = {
			...textNeedles({
				surname: known.s.family_name,
				postcode: (JSON.parse(known.address.data) as { postcode: string }).postcode,
				condition: wording,
				notes: NOTES
			}),
			'photo bytes': known.photo.data.subarray(middle, middle + 48)
		};
		await context.close();

		expect(findOnDisk(dir, needles)).toEqual([]);
		// Not vacuous: a value the app keeps in the clear (the device's id) is found on disk.
		const visitRow = serverDb(
			(db) =>
				db.prepare('select device_id from visits where id = ?').get(visitId) as {
					device_id: string;
				}
		);
		expect(findOnDisk(dir, textNeedles({ deviceId: visitRow.device_id })).length).toBeGreaterThan(
			0
		);

		// Open it again: locked; unlock, sign out; and scan once more.
		context = await open();
		page = context.pages()[0] ?? (await context.newPage());
		await page.goto('/');
		const lock = new LockPage(page);
		await expect(lock.screen()).toBeVisible();
		await expect(page.getByText(known.s.family_name)).toHaveCount(0);
		await lock.unlock();
		await expect(page.getByTestId('app-open')).toBeAttached();
		await page.getByRole('button', { name: 'Sign out' }).click();
		await expect(page).toHaveURL(/\/login$/);
		await context.close();
		expect(findOnDisk(dir, needles)).toEqual([]);
	} finally {
		await context.close().catch(() => undefined);
		rmSync(dir, { recursive: true, force: true });
	}
});

test('unlock with a passkey (WebAuthn PRF) and with the passphrase', async ({ browser }) => {
	// WebAuthn needs a domain: localhost, not an IP address.
	const context = await browser.newContext({ baseURL: BASE_URL.replace('127.0.0.1', 'localhost') });
	const page = await context.newPage();
	const cdp = await context.newCDPSession(page);
	await cdp.send('WebAuthn.enable');
	await cdp.send('WebAuthn.addVirtualAuthenticator', {
		options: {
			protocol: 'ctap2',
			transport: 'internal',
			hasResidentKey: true,
			hasUserVerification: true,
			isUserVerified: true,
			hasPrf: true
		}
	});
	await new LoginPage(page).signIn('officer2', 'demo-officer-2', { setUp: false });
	await page.getByLabel('New passphrase').fill(TEST_PASSPHRASE);
	await page.getByLabel('Repeat passphrase').fill(TEST_PASSPHRASE);
	await page.getByRole('button', { name: 'Set up with fingerprint, face or PIN' }).click();
	await expect(page.getByTestId('app-open')).toBeAttached();
	await new CaseloadPage(page).waitUntilReadyForOffline();

	await page.getByRole('button', { name: 'Lock now' }).click();
	const lock = new LockPage(page);
	await expect(lock.screen()).toBeVisible();
	await page.getByRole('button', { name: 'Unlock with fingerprint, face or PIN' }).click();
	await expect(new CaseloadPage(page).rows.first()).toBeVisible();

	await page.getByRole('button', { name: 'Lock now' }).click();
	await expect(lock.screen()).toBeVisible();
	await lock.unlock();
	await expect(new CaseloadPage(page).rows.first()).toBeVisible();
	await context.close();
});

test('the app locks itself after the idle time', async ({ page }) => {
	await page.clock.install();
	await new LoginPage(page).signIn('officer3', 'demo-officer-3');
	await new CaseloadPage(page).waitUntilReadyForOffline();
	await page.clock.fastForward('09:00');
	await expect(page.getByRole('button', { name: 'Lock now' })).toBeVisible();
	// Locking hides the caseload at once, then reloads so nothing decrypted stays in memory.
	const reloaded = page.waitForEvent('load');
	await page.clock.fastForward('01:30');
	await reloaded;
	await expect(new LockPage(page).screen()).toBeVisible();
	await expect(page.getByTestId('caseload-row')).toHaveCount(0);
});

test('five wrong passphrases wipe the device; its unsent sealed visit still arrives after sign-in', async ({
	browser
}) => {
	test.setTimeout(120_000);
	const context = await browser.newContext({
		permissions: ['geolocation'],
		geolocation: { latitude: 52.1357, longitude: -0.4665, accuracy: 12 }
	});
	const page = await context.newPage();
	await new LoginPage(page).signIn('officer2', 'demo-officer-2');
	await new CaseloadPage(page).waitUntilReadyForOffline();
	await waitForServiceWorker(page);
	await context.setOffline(true);
	const caseload = new CaseloadPage(page);
	await caseload.rows.first().click();
	const visit = new VisitPage(page);
	const visitId = await visit.start();
	await visit.recordSeenCompliant(NOTES);

	await page.getByRole('button', { name: 'Lock now' }).click();
	const lock = new LockPage(page);
	for (let i = 0; i < 5; i++) {
		await expect(lock.screen()).toBeVisible();
		await lock.unlock(`wrong passphrase ${i}`);
		if (i < 4) await expect(page.getByRole('alert')).toContainText(`${4 - i} attempt`);
	}
	await expect(page.getByTestId('device-wiped')).toBeVisible();
	expect(
		serverDb((db) => db.prepare('select id from visits where id = ?').get(visitId))
	).toBeUndefined();

	await context.setOffline(false);
	await new LoginPage(page).signIn('officer2', 'demo-officer-2');
	await new CaseloadPage(page).waitUntilReadyForOffline();
	await expect
		.poll(() => serverDb((db) => db.prepare('select sealed from visits where id = ?').get(visitId)))
		.toEqual({ sealed: 1 });
	await context.close();
});

test('a caseload not synced for longer than the expiry time locks until it syncs', async ({
	page,
	context
}) => {
	const now = Date.now();
	await page.clock.install({ time: now });
	await new LoginPage(page).signIn('officer2', 'demo-officer-2');
	await new CaseloadPage(page).waitUntilReadyForOffline();
	await waitForServiceWorker(page);
	await context.setOffline(true);
	await page.clock.setSystemTime(now + 25 * 3_600_000);
	await page.reload();
	await expect(page.getByTestId('caseload-expired')).toBeVisible();
	await expect(page.getByTestId('caseload-row')).toHaveCount(0);

	await context.setOffline(false);
	await page.clock.setSystemTime(now);
	await page.getByRole('button', { name: 'Sync now' }).click();
	await expect(new CaseloadPage(page).rows.first()).toBeVisible();
});

test('station screens set up no unlock and never lock or reload when idle', async ({ page }) => {
	await page.clock.install();
	await new LoginPage(page).signIn('sergeant', 'demo-sergeant');
	await expect(page).toHaveURL(/\/station$/);
	await expect(page.getByTestId('unlock-setup')).toHaveCount(0);
	await page.goto('/station/operation/plan');
	const search = page.getByRole('searchbox', { name: 'Search' });
	await search.fill('half-typed plan');
	// Past the longest idle time an officer's tablet allows: the sergeant's work is still there.
	await page.clock.fastForward('31:00');
	await expect(new LockPage(page).screen()).toHaveCount(0);
	await expect(search).toHaveValue('half-typed plan');
	await expect(page.getByRole('button', { name: 'Lock now' })).toHaveCount(0);
});
