import { expect, type Browser, type Page } from '@playwright/test';
import { CaseloadPage } from './caseload-page';
import { LoginPage } from './login-page';
import type { ScreenSize } from './sizes';
import { VisitPage } from './visit-page';

export type Theme = 'light' | 'dark';

/** A fresh device at a screen size, its system set to a theme, with a GPS fix at Bedford. */
export async function device(browser: Browser, size: ScreenSize, theme: Theme): Promise<Page> {
	const context = await browser.newContext({
		viewport: size.viewport,
		colorScheme: theme,
		permissions: ['geolocation'],
		geolocation: { latitude: 52.1357, longitude: -0.4665, accuracy: 12 }
	});
	return context.newPage();
}

/**
 * Every officer screen in the order a shift meets them: sign-in, caseload, a subject, the visit
 * form and its review, the finalised visit, outbox, route and map. `at` is called on each.
 */
export async function officerTour(
	page: Page,
	username: string,
	password: string,
	at: (screen: string) => Promise<void>
): Promise<void> {
	await page.goto('/login');
	await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
	await at('login');
	await new LoginPage(page).signIn(username, password);
	const caseload = new CaseloadPage(page);
	await caseload.waitUntilReadyForOffline();
	await at('caseload');

	const first = (await caseload.names())[0]!;
	await caseload.open(first);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(first);
	await at('subject');
	const subjectId = page.url().split('/').pop()!;

	await page.getByRole('button', { name: 'Start visit here' }).first().click();
	const visit = new VisitPage(page);
	await visit.result('Seen');
	await visit.markAllConditions('Compliant');
	await visit.notes('Seen at the door; no concerns.');
	await at('visit-form');
	const review = await visit.review();
	await at('visit-review');
	await review.getByRole('button', { name: 'Confirm and lock visit' }).click();
	await expect(page.getByTestId('saved-on-device')).toBeVisible();
	await at('visit-finalised');

	await page.goto('/outbox');
	await expect(page.getByRole('heading', { name: 'Outbox', level: 1 })).toBeVisible();
	await at('outbox');

	await page.goto('/route');
	await expect(page.getByRole('heading', { name: 'Route', level: 1 })).toBeVisible();
	await at('route');

	await page.goto(`/map?subject=${subjectId}`);
	await expect(page.getByTestId('map')).toHaveAttribute('data-rendered-points', /\d+/);
	await expect(page.getByTestId('map-subject')).toBeVisible();
	await at('map');
}
