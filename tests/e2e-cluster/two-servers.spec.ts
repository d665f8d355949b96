import pg from 'pg';
import { expect, test, type Page } from '@playwright/test';
import { CaseloadPage } from '../e2e/pages/caseload-page';
import { LoginPage } from '../e2e/pages/login-page';
import { OutboxPage } from '../e2e/pages/outbox-page';
import { VisitPage } from '../e2e/pages/visit-page';
import { waitForServiceWorker } from '../e2e/helpers';
import { clusterDbUrl } from '../../scripts/two-servers-db.js';

const PHOTO = 'static/icons/icon-512.png';
const COUNT = 4;

async function sentCount(page: Page, outbox: OutboxPage): Promise<number> {
	await outbox.sendNow();
	return (await outbox.states()).filter((s) => s === 'sent').length;
}

test('offline visits sync exactly once through two app servers while one is killed and restarted', async ({
	browser,
	request
}) => {
	test.setTimeout(240_000);
	const context = await browser.newContext({
		permissions: ['geolocation'],
		geolocation: { latitude: 52.1357, longitude: -0.4665, accuracy: 12 }
	});
	const page = await context.newPage();
	await new LoginPage(page).signIn('officer2', 'demo-officer-2');
	const caseload = new CaseloadPage(page);
	await caseload.waitUntilReadyForOffline();
	await waitForServiceWorker(page);
	const names = (await caseload.names()).slice(0, COUNT);

	await context.setOffline(true);
	for (const [i, name] of names.entries()) {
		await page.goto('/');
		await caseload.open(name);
		await page.getByRole('button', { name: 'Start visit here' }).first().click();
		const visit = new VisitPage(page);
		await visit.result('Seen');
		await visit.markFirstCondition('Compliant');
		await visit.notes(`Cluster visit ${i + 1}`);
		if (i === 0) await visit.addPhoto(PHOTO);
		await visit.finalise();
	}
	const outbox = new OutboxPage(page);
	await outbox.open();
	await expect(outbox.items).toHaveCount(COUNT);

	// Back in signal: as the first push leaves, one app server dies (SIGKILL, mid-request
	// perhaps); the balancer sends the retries to the other. Later it comes back.
	const firstPush = page.waitForRequest(/\/api\/sync\/push/);
	await context.setOffline(false);
	await firstPush;
	expect((await request.post('/__cluster/kill/0')).ok()).toBe(true);
	await expect
		.poll(() => sentCount(page, outbox), { timeout: 90_000, intervals: [1_000, 2_000] })
		.toBeGreaterThan(0);
	expect((await request.post('/__cluster/start/0')).ok()).toBe(true);
	await expect
		.poll(() => sentCount(page, outbox), { timeout: 120_000, intervals: [1_000, 2_000, 3_000] })
		.toBe(COUNT);

	// Exactly once, counted in PostgreSQL itself.
	const db = new pg.Client({ connectionString: clusterDbUrl().url });
	await db.connect();
	try {
		const visits = await db.query<{ id: string; data: string }>(
			`SELECT v.id, v.data FROM visits v JOIN users u ON u.id = v.officer_id WHERE u.username = 'officer2'`
		);
		expect(visits.rows).toHaveLength(COUNT);
		const notes = visits.rows.map((v) => (JSON.parse(v.data) as { notes: string }).notes).sort();
		expect(notes).toEqual([1, 2, 3, 4].map((n) => `Cluster visit ${n}`));
		const photos = await db.query<{ n: number }>(
			'SELECT count(*)::int AS n FROM photos WHERE completed_at IS NOT NULL AND id IN (SELECT photo_id FROM visit_photos)'
		);
		expect(photos.rows[0]!.n).toBe(1);
	} finally {
		await db.end();
	}
	await context.close();
});
