import type { Page } from '@playwright/test';

/** The passphrase every e2e officer sets up on first sign-in. */
export const TEST_PASSPHRASE = 'correct horse battery staple';

export class LoginPage {
	constructor(readonly page: Page) {}

	/**
	 * Signs in; an officer on a new device then sets up unlocking (passphrase only) as they must
	 * before anything else, so specs that only need the caseload go on as before.
	 */
	async signIn(username: string, password: string, options: { setUp?: boolean } = {}) {
		await this.page.goto('/login');
		await this.page.getByLabel('Username').fill(username);
		await this.page.getByLabel('Password').fill(password);
		await this.page.getByRole('button', { name: 'Sign in' }).click();
		// Either the app opens (or asks for set-up) away from /login, or the sign-in is refused
		// and says why on the form; a spec expecting the refusal then checks the message.
		const opened = this.page.locator('[data-testid="unlock-setup"], [data-testid="app-open"]');
		const refused = this.page.locator('form').getByRole('alert');
		const outcome = await Promise.race(
			[
				this.page
					.waitForURL((url) => url.pathname !== '/login')
					.then(() => opened.first().waitFor({ state: 'attached' }))
					.then(() => 'opened' as const),
				refused.waitFor().then(() => 'refused' as const)
			].map((p) => p.catch(() => 'closed' as const))
		);
		if (outcome === 'closed') throw new Error('The page closed while signing in');
		if (outcome === 'refused' || options.setUp === false) return;
		if (await this.page.getByTestId('unlock-setup').isVisible()) {
			await this.setUpPassphrase(TEST_PASSPHRASE);
		}
	}

	async setUpPassphrase(passphrase: string): Promise<void> {
		await this.page.getByLabel('New passphrase').fill(passphrase);
		await this.page.getByLabel('Repeat passphrase').fill(passphrase);
		await this.page.getByRole('button', { name: 'Set up with passphrase only' }).click();
		await this.page.getByTestId('app-open').waitFor({ state: 'attached' });
	}
}

/** The lock screen, as an officer meets it after a lock, an idle time or a restart. */
export class LockPage {
	constructor(readonly page: Page) {}

	readonly screen = () => this.page.getByTestId('lock-screen');

	async unlock(passphrase = TEST_PASSPHRASE): Promise<void> {
		await this.page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
		await this.page.getByRole('button', { name: 'Unlock', exact: true }).click();
	}
}
