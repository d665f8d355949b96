import { readFileSync } from 'node:fs';
import { expect, test, type Browser } from '@playwright/test';
import { CaseloadPage } from './pages/caseload-page';
import { LoginPage } from './pages/login-page';
import { sizes } from './pages/sizes';
import { VisitPage } from './pages/visit-page';
import { serverDb } from './helpers';
import type { Order } from '../../src/lib/domain/order';
import { activeConditions } from '../../src/lib/domain/order-status';
import { subjectDisplayName, type Address, type Subject } from '../../src/lib/domain/subject';

const PNG = readFileSync('static/icons/icon-512.png');

/** The officer's subject with the most conditions in force now, and their home address. */
function subjectWithConditions(username: string): { name: string; lat: number; lon: number } {
	const rows = serverDb((db) => ({
		subjects: db
			.prepare(
				`select s.id, s.data from subjects s
				 join assignments a on a.subject_id = s.id and a.active = 1
				 join users u on u.id = a.officer_id where u.username = ?`
			)
			.all(username) as { id: string; data: string }[],
		orders: db.prepare('select subject_id as subjectId, data from orders').all() as {
			subjectId: string;
			data: string;
		}[],
		addresses: db.prepare('select subject_id as subjectId, data from addresses').all() as {
			subjectId: string;
			data: string;
		}[]
	}));
	const now = new Date();
	const scored = rows.subjects.map((s) => {
		const orders = rows.orders
			.filter((o) => o.subjectId === s.id)
			.map((o) => JSON.parse(o.data) as Order);
		return { s: JSON.parse(s.data) as Subject, n: activeConditions(orders, now).length };
	});
	scored.sort((a, b) => b.n - a.n || a.s.familyName.localeCompare(b.s.familyName));
	const best = scored[0]!.s;
	const home = rows.addresses
		.map((a) => JSON.parse(a.data) as Address)
		.find((a) => a.subjectId === best.id && a.kind === 'home')!;
	return { name: subjectDisplayName(best), lat: home.location.lat, lon: home.location.lon };
}

async function startVisit(browser: Browser, viewport: { width: number; height: number }) {
	const subject = subjectWithConditions('officer3');
	// A fix 25 km north of the address: the wrong place entirely.
	const context = await browser.newContext({
		viewport,
		permissions: ['geolocation'],
		geolocation: { latitude: subject.lat + 0.2248, longitude: subject.lon, accuracy: 20 }
	});
	const page = await context.newPage();
	await new LoginPage(page).signIn('officer3', 'demo-officer-3');
	const caseload = new CaseloadPage(page);
	await caseload.waitUntilReadyForOffline();
	await caseload.open(subject.name);
	await page.getByRole('button', { name: 'Start visit here' }).first().click();
	await expect(page.getByTestId('check').first()).toBeVisible();
	return { page, visit: new VisitPage(page), subject };
}

test('eight photos chosen at once are all kept; camera and gallery are both offered', async ({
	browser
}) => {
	const { page } = await startVisit(browser, sizes[1]!.viewport);
	await expect(page.getByTestId('camera-input')).toHaveAttribute('capture', 'environment');
	await expect(page.getByTestId('photo-input')).toHaveAttribute('multiple', '');
	const files = Array.from({ length: 8 }, (_, i) => ({
		name: `door-${i + 1}.png`,
		mimeType: 'image/png',
		buffer: PNG
	}));
	await page.getByTestId('photo-input').setInputFiles(files);
	await expect(page.getByTestId('photo')).toHaveCount(8);
	// Kept on the device, not just shown: a reload brings back all eight.
	await page.reload();
	await expect(page.getByTestId('photo')).toHaveCount(8);
	await page.context().close();
});

for (const size of sizes) {
	test(`nothing is finalised by accident, and the record is complete (${size.name})`, async ({
		browser
	}) => {
		const { page, visit } = await startVisit(browser, size.viewport);
		const checks = page.getByTestId('check');
		const total = await checks.count();
		expect(total).toBeGreaterThanOrEqual(2);
		await expect(checks.first()).toHaveAttribute('data-outcome', 'unmarked');

		// Enter in a condition's notes field does nothing but end the line of typing.
		await visit.result('Seen');
		const notes = checks.first().getByRole('textbox');
		await notes.fill('Texted the protected person twice');
		await notes.press('Enter');
		await expect(page.getByRole('dialog')).toBeHidden();
		await expect(page.getByTestId('saved-on-device')).toBeHidden();

		// Seen, but not every condition marked: the review says so and will not lock.
		let review = await visit.review();
		await expect(review.getByRole('alert')).toContainText('Mark every condition');
		await expect(review.getByRole('button', { name: 'Confirm and lock visit' })).toBeDisabled();
		await review.getByRole('button', { name: 'Back to the form' }).click();

		// One breach, the rest explicitly "Not checked".
		await checks.first().getByRole('radio', { name: 'Breach', exact: true }).check();
		for (const check of (await checks.all()).slice(1)) {
			await check.getByRole('radio', { name: 'Not checked', exact: true }).check();
		}
		await page.getByRole('checkbox', { name: 'Words of advice given' }).check();
		await visit.recordPosition();
		await expect(page.getByTestId('position-distance')).toContainText('km from the address');
		await expect(page.getByTestId('position-distance')).toHaveAttribute('role', 'alert');

		review = await visit.review();
		await expect(review.getByTestId('review-tally')).toHaveText(
			`${total} conditions: 1 checked (0 compliant, 1 breach) · ${total - 1} not checked`
		);
		await expect(review.getByTestId('breaches')).toContainText('Texted the protected person twice');
		await expect(review.getByTestId('not-checked').getByRole('listitem')).toHaveCount(total - 1);
		await expect(review).toContainText('far from the address');
		// Leaving the review locks nothing.
		await page.keyboard.press('Escape');
		await expect(page.getByTestId('saved-on-device')).toBeHidden();

		review = await visit.review();
		await review.getByRole('button', { name: 'Confirm and lock visit' }).click();
		const result = page.getByTestId('saved-on-device');
		await expect(result).toBeVisible();
		await expect(result).toBeFocused();

		const record = page.getByTestId('visit-record');
		await expect(record.getByTestId('record-tally')).toContainText('1 checked');
		await expect(record.getByTestId('record-tally')).not.toContainText(`${total} checked`);
		await expect(record.getByTestId('breaches')).toBeVisible();
		await expect(record.getByTestId('record-position')).toContainText('far from the address');
		await expect(record.getByTestId('record-actions')).toContainText('Words of advice given');
		await expect(record.getByTestId('record-references')).toContainText('orders');
		await expect(record.getByTestId('record-photos')).toHaveText('0');
		await page.context().close();
	});
}
