import { expect, test } from '@playwright/test';
import { CaseloadPage } from './pages/caseload-page';
import { LoginPage } from './pages/login-page';
import { RoutePage } from './pages/route-page';
import { phone, tablet } from './pages/sizes';

test('the theme follows the device until the officer chooses one', async ({ browser }) => {
	const context = await browser.newContext({ viewport: tablet.viewport, colorScheme: 'light' });
	const page = await context.newPage();
	const html = page.locator('html');
	await new LoginPage(page).signIn('officer1', 'demo-officer-1');
	await new CaseloadPage(page).waitUntilReadyForOffline();
	await expect(html).toHaveAttribute('data-theme', 'light');
	await page.emulateMedia({ colorScheme: 'dark' });
	await expect(html).toHaveAttribute('data-theme', 'dark');

	// The medium-risk badge reads at 4.5:1 or better on its light row.
	await page.emulateMedia({ colorScheme: 'light' });
	await expect(html).toHaveAttribute('data-theme', 'light');
	const badge = page.locator('.risk-medium .badge.risk').first();
	await expect(badge).toBeVisible();
	const ratio = await badge.evaluate((el) => {
		const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
		const lum = ([r, g, b]: number[]) => {
			const f = (v: number) => {
				const s = v / 255;
				return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
			};
			return 0.2126 * f(r!) + 0.7152 * f(g!) + 0.0722 * f(b!);
		};
		let bg: Element | null = el;
		while (bg && /rgba\(0, 0, 0, 0\)|transparent/.test(getComputedStyle(bg).backgroundColor)) {
			bg = bg.parentElement;
		}
		const a = lum(rgb(getComputedStyle(el).color));
		const b = lum(rgb(getComputedStyle(bg ?? document.body).backgroundColor));
		return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
	});
	expect(ratio).toBeGreaterThanOrEqual(4.5);

	// Chosen: it stays, whatever the device says, across a reload.
	await page.getByRole('button', { name: 'Switch to dark theme' }).click();
	await expect(html).toHaveAttribute('data-theme', 'dark');
	await page.emulateMedia({ colorScheme: 'light' });
	await page.reload();
	await expect(html).toHaveAttribute('data-theme', 'dark');
	await context.close();
});

test('route priority is chosen by name and remembered', async ({ browser }) => {
	const page = await browser.newPage({ viewport: phone.viewport });
	await new LoginPage(page).signIn('officer1', 'demo-officer-1');
	await new CaseloadPage(page).waitUntilReadyForOffline();
	const route = new RoutePage(page);
	await route.open();
	await page.getByText('Settings', { exact: true }).click();
	const choices = page.getByRole('group', { name: 'Order of visits' });
	await expect(choices.getByRole('radio')).toHaveCount(3);
	await expect(choices.getByRole('radio', { name: /^Balanced/ })).toBeChecked();
	await expect(page.getByText(/metres worth/)).toHaveCount(0);
	await choices.getByRole('radio', { name: /^Shortest route/ }).check();
	await page.reload();
	await page.getByText('Settings', { exact: true }).click();
	await expect(
		page.getByRole('group', { name: 'Order of visits' }).getByRole('radio', { name: /^Shortest/ })
	).toBeChecked();
	await expect(page.getByRole('radio', { name: /^Wanted and high-risk first/ })).not.toBeChecked();
	await page.context().close();
});

test('sign-in and sign-out speak plainly, and the outbox names drafts', async ({ browser }) => {
	const page = await browser.newPage({ viewport: phone.viewport });
	const login = new LoginPage(page);
	await login.signIn('officer1', 'not-the-password');
	await expect(page.getByRole('alert')).toHaveText('Username or password is not right');

	await login.signIn('officer1', 'demo-officer-1');
	const caseload = new CaseloadPage(page);
	await caseload.waitUntilReadyForOffline();
	const name = (await caseload.names())[0]!;
	await caseload.open(name);
	await page.getByRole('button', { name: 'Start visit here' }).first().click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Visit: ${name}`);
	const draftUrl = page.url();

	await page.goto('/outbox');
	await expect(page.getByTestId('outbox-draft')).toContainText(name);

	// Only a draft in the way: say so, and offer what fixes it.
	await page.getByRole('button', { name: 'Sign out' }).click();
	const blocked = page.getByRole('dialog', { name: 'You cannot sign out yet' });
	await expect(blocked).toBeVisible();
	await expect(blocked).toContainText('not finished');
	await expect(blocked).toContainText(name);
	await expect(blocked).not.toContainText(/export|connect/i);
	await blocked.getByRole('link', { name: 'Finish visit' }).click();
	await expect(page).toHaveURL(draftUrl);

	await page.getByRole('button', { name: 'Sign out' }).click();
	page.once('dialog', (d) => void d.accept());
	await blocked.getByRole('button', { name: 'Discard visit' }).click();
	await expect(page).toHaveURL(/\/login$/);
	await page.context().close();
});
