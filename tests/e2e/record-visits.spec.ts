import { expect, test } from '@playwright/test';
import { CaseloadPage } from './pages/caseload-page';
import { LoginPage } from './pages/login-page';
import { OutboxPage } from './pages/outbox-page';
import { VisitPage } from './pages/visit-page';
import { flakySync } from './flaky-network';
import { serverDb, waitForServiceWorker } from './helpers';

const PHOTO = 'static/icons/icon-512.png';

test('five visits recorded offline reach the server exactly once through a hostile network', async ({
	browser
}) => {
	test.setTimeout(240_000);
	const context = await browser.newContext({
		permissions: ['geolocation'],
		geolocation: { latitude: 52.1357, longitude: -0.4665, accuracy: 12 }
	});
	let page = await context.newPage();
	await new LoginPage(page).signIn('officer3', 'demo-officer-3');
	const caseload = new CaseloadPage(page);
	await caseload.waitUntilReadyForOffline();
	await waitForServiceWorker(page);
	const names = (await caseload.names()).slice(0, 5);
	expect(names).toHaveLength(5);

	// On patrol: no signal at all.
	await context.setOffline(true);
	for (const [i, name] of names.entries()) {
		await page.goto('/');
		await caseload.open(name);
		await page.getByRole('button', { name: 'Start visit here' }).first().click();
		const visit = new VisitPage(page);
		await visit.result(i === 2 ? 'No reply' : 'Seen');
		if (i !== 2) await visit.markAllConditions('Compliant');
		await visit.notes(`Visit ${i + 1} recorded offline`);
		if (i === 0) {
			await visit.addPhoto(PHOTO);
			await visit.recordPosition();
		}
		await visit.finalise();
	}

	// A sixth visit is left half-done: its draft must survive a reload too.
	await page.goto('/');
	await caseload.open(names[0]!);
	await page.getByRole('button', { name: 'Start visit here' }).first().click();
	const halfDone = new VisitPage(page);
	await halfDone.notes('Half-written note');
	const draftUrl = page.url();
	await halfDone.waitUntilSaved();

	await page.reload();
	await expect(page.getByLabel('Notes', { exact: true })).toHaveValue('Half-written note');
	const outbox = new OutboxPage(page);
	await outbox.open();
	await expect(outbox.items).toHaveCount(5);
	expect(await outbox.states()).toEqual(['saved', 'saved', 'saved', 'saved', 'saved']);
	await expect(page.getByTestId('sync-summary')).toContainText('Offline · 5 waiting');

	// Back in signal, through a network that cuts 40% of sync requests and loses 30% of answers.
	const flaky = await flakySync(context, { seed: 20261127, abortBefore: 0.4, dropAfter: 0.3 });
	const firstPush = page.waitForRequest(/\/api\/sync\/push/);
	await context.setOffline(false);
	await firstPush;
	// Closed mid-sync; opened again, it carries on from where it got to.
	await page.close();
	page = await context.newPage();
	const reopened = new OutboxPage(page);
	await reopened.open();
	await expect
		.poll(
			async () => {
				await reopened.sendNow();
				return (await reopened.states()).filter((s) => s === 'sent').length;
			},
			{ timeout: 180_000, intervals: [1_000, 2_000, 3_000] }
		)
		.toBe(5);
	await flaky.stop();
	expect(flaky.stats.aborted + flaky.stats.dropped).toBeGreaterThan(0);
	await expect(page.getByTestId('sync-summary')).toHaveText('All sent');

	// The server holds every visit exactly once, with its photo, checked in its own database.
	// This test's visits, by their notes: other specs on the same server record visits as
	// officer3 too. A duplicate arrival would carry the same note, so it is still counted.
	const stored = serverDb(
		(db) =>
			db
				.prepare(
					`SELECT v.id, v.data FROM visits v JOIN users u ON u.id = v.officer_id WHERE u.username = 'officer3'`
				)
				.all() as { id: string; data: string }[]
	).filter((v) => /"notes":"Visit \d recorded offline"/.test(v.data));
	expect(stored).toHaveLength(5);
	expect(new Set(stored.map((v) => v.id)).size).toBe(5);
	const notes = stored.map((v) => (JSON.parse(v.data) as { notes: string }).notes).sort();
	expect(notes).toEqual([1, 2, 3, 4, 5].map((n) => `Visit ${n} recorded offline`));
	const withPhoto = stored
		.map((v) => JSON.parse(v.data) as { photos: { sha256: string }[] })
		.find((v) => v.photos.length > 0)!;
	const complete = serverDb((db) =>
		db
			.prepare('SELECT count(*) AS n FROM photo_blobs WHERE sha256 = ?')
			.get(withPhoto.photos[0]!.sha256)
	) as { n: number };
	expect(complete.n).toBe(1);

	// The unfinished draft is still there, untouched by the sync.
	await page.goto(draftUrl);
	await expect(page.getByLabel('Notes', { exact: true })).toHaveValue('Half-written note');
	await context.close();
});
