import { chromium, type Browser, type BrowserContextOptions, type Page } from '@playwright/test';
import config from '../../playwright.config';
import { LoginPage } from '../../tests/e2e/pages/login-page';

/** The browser benchmarks seed one officer and give every subject to them. */
export const OFFICER = { username: 'officer1', password: 'demo-officer-1' };

/** Signs in as OFFICER through the login form, as the e2e tests do. */
export async function signIn(page: Page): Promise<void> {
	await new LoginPage(page).signIn(OFFICER.username, OFFICER.password);
}

/** Downloaded, and the list holds all `subjects`, so nothing of the app's runs on afterwards. */
export async function waitForSubjects(
	page: Page,
	subjects: number,
	timeouts: { readyMs: number; countMs: number }
): Promise<void> {
	await page.getByTestId('ready-offline').waitFor({ timeout: timeouts.readyMs });
	await page.waitForFunction(
		(n) =>
			document
				.querySelector('[data-testid="caseload-count"]')
				?.textContent?.includes(`of ${n} subjects`),
		subjects,
		{ timeout: timeouts.countMs }
	);
}

/** Chromium as the e2e tests launch it; the benchmark's own handlers close it with the server. */
export function launchBrowser(): Promise<Browser> {
	return chromium.launch({
		...config.use?.launchOptions,
		executablePath: '/usr/bin/chromium',
		handleSIGINT: false,
		handleSIGTERM: false,
		handleSIGHUP: false
	});
}

/** A context like the e2e tests' (viewport, locale, time zone) against the benchmark's server. */
export function contextOptions(
	baseURL: string,
	serviceWorkers: BrowserContextOptions['serviceWorkers']
): BrowserContextOptions {
	return {
		baseURL,
		viewport: config.use?.viewport ?? { width: 1280, height: 800 },
		locale: config.use?.locale,
		timezoneId: config.use?.timezoneId,
		serviceWorkers
	};
}
