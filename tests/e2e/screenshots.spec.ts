import { mkdirSync } from 'node:fs';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { CaseloadPage } from './pages/caseload-page';
import { LoginPage } from './pages/login-page';
import { VisitPage } from './pages/visit-page';
import { sizes, type ScreenSize } from './pages/sizes';

/**
 * Screenshots of the main officer screens at both sizes, written to docs/screenshots/ so the
 * README always shows the app as it is. Runs as part of the end-to-end suite.
 * SCREENSHOT_THEMES=light,dark adds the dark theme (for reviewing; the README uses light).
 */
const OUT = process.env.SCREENSHOT_DIR ?? 'docs/screenshots';
const themes = (process.env.SCREENSHOT_THEMES ?? 'light').split(',') as ('light' | 'dark')[];

async function shoot(page: Page, name: string, size: ScreenSize, theme: string): Promise<void> {
	const suffix = theme === 'light' ? '' : `-${theme}`;
	await page.screenshot({ path: `${OUT}/${size.name}-${name}${suffix}.png` });
}

async function signedIn(
	browser: Browser,
	size: ScreenSize,
	theme: 'light' | 'dark',
	user: string
): Promise<Page> {
	const context = await browser.newContext({
		viewport: size.viewport,
		colorScheme: theme,
		permissions: ['geolocation'],
		geolocation: { latitude: 52.1357, longitude: -0.4665, accuracy: 12 }
	});
	const page = await context.newPage();
	await page.goto('/login');
	await shoot(page, 'login', size, theme);
	await new LoginPage(page).signIn(user, `demo-${user.replace(/(\d)$/, '-$1')}`);
	await new CaseloadPage(page).waitUntilReadyForOffline();
	return page;
}

for (const size of sizes) {
	for (const theme of themes) {
		test(`screenshots of the officer screens at ${size.name} (${theme})`, async ({ browser }) => {
			test.setTimeout(120_000);
			mkdirSync(OUT, { recursive: true });
			const page = await signedIn(browser, size, theme, 'officer2');
			const caseload = new CaseloadPage(page);
			await shoot(page, 'caseload', size, theme);

			const first = (await caseload.names())[0]!;
			await caseload.open(first);
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(first);
			await shoot(page, 'subject', size, theme);
			const subjectUrl = page.url();

			await page.getByRole('button', { name: 'Start visit here' }).first().click();
			const visit = new VisitPage(page);
			await visit.result('Seen');
			await visit.markAllConditions('Compliant');
			await visit.notes('Seen at the door; no concerns.');
			await shoot(page, 'visit-form', size, theme);
			await page.screenshot({
				path: `${OUT}/${size.name}-visit-form-full${theme === 'light' ? '' : '-' + theme}.png`,
				fullPage: true
			});
			await visit.finalise();
			await shoot(page, 'visit-finalised', size, theme);

			await page.goto('/outbox');
			await shoot(page, 'outbox', size, theme);

			await page.goto('/route');
			await expect(page.getByRole('heading', { name: 'Route', level: 1 })).toBeVisible();
			await shoot(page, 'route', size, theme);

			await page.goto(`/map?subject=${subjectUrl.split('/').pop()}`);
			await expect(page.getByTestId('map')).toHaveAttribute('data-rendered-points', /\d+/);
			await shoot(page, 'map', size, theme);
			await page.context().close();
		});
	}
}
