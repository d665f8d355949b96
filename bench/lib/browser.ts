import { chromium, type Browser, type BrowserContextOptions, type Page } from '@playwright/test';
import config from '../../playwright.config';
import { LoginPage, TEST_PASSPHRASE } from '../../tests/e2e/pages/login-page';

/** The browser benchmarks seed one officer and give every subject to them. */
export const OFFICER = { username: 'officer1', password: 'demo-officer-1' };

/**
 * Signs in as OFFICER through the login form, as the e2e tests do, setting up a passphrase when
 * the build asks. Also signs in to builds from before the device lock (issue 8), which
 * `BENCH_COMPARE` may measure: they open on the caseload with no set-up.
 * @returns whether this build has the device lock (unlock and sealing can be measured).
 */
export async function signIn(page: Page): Promise<{ deviceLock: boolean }> {
	await page.goto('/login');
	await page.getByLabel('Username').fill(OFFICER.username);
	await page.getByLabel('Password').fill(OFFICER.password);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await page.waitForURL((url) => url.pathname !== '/login');
	// A build with the lock opens on its set-up (or, set up already, on the app); an older one
	// straight on the caseload.
	await page
		.locator(
			'[data-testid="unlock-setup"], [data-testid="app-open"], [data-testid="caseload-count"]'
		)
		.first()
		.waitFor({ state: 'attached' });
	if (await page.getByTestId('unlock-setup').isVisible()) {
		await new LoginPage(page).setUpPassphrase(TEST_PASSPHRASE);
	}
	return { deviceLock: (await page.getByTestId('app-open').count()) > 0 };
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
