import { expect, type Page } from '@playwright/test';

/** The passphrase every e2e officer sets up on first sign-in. */
export const TEST_PASSPHRASE = 'correct horse battery staple';

export class LoginPage {
	constructor(readonly page: Page) {}

	/**
	 * Signs in; an officer on a new device then sets up unlocking (passphrase only) as they must
	 * before anything else, so specs that only need the caseload go on as before. A refused
	 * sign-in, or one held to a password change, returns on the form for the spec to go on.
	 */
	async signIn(
		username: string,
		password: string,
		options: { setUp?: boolean; deviceName?: string } = {}
	) {
		await this.page.goto('/login');
		await this.page.getByLabel('Username').fill(username);
		await this.page.getByLabel('Password').fill(password);
		if (options.deviceName)
			await this.page.getByLabel(/Name of this device/).fill(options.deviceName);
		await this.page.getByRole('button', { name: 'Sign in' }).click();
		const refused = this.page.locator('form').getByRole('alert');
		const change = this.page.getByRole('heading', { name: 'Choose a new password' });
		const outcome = await Promise.race(
			[
				this.#opened().then(() => 'opened' as const),
				refused.waitFor().then(() => 'refused' as const),
				change.waitFor().then(() => 'change-password' as const)
			].map((p) => p.catch(() => 'closed' as const))
		);
		if (outcome === 'closed') throw new Error('The page closed while signing in');
		if (outcome !== 'opened' || options.setUp === false) return;
		await this.#setUpIfAsked();
	}

	/**
	 * A first sign-in with the password an administrator set: the app asks for a new one before
	 * anything else. Every spec's first sign-in of a new account goes through here, so what a
	 * user meets at a first sign-in on a device is changed in one place.
	 */
	async signInFirstTime(username: string, temporary: string, chosen: string): Promise<void> {
		await this.signIn(username, temporary);
		await this.choosePassword(chosen);
	}

	/** The change-password form a reset or new account is held at; then unlock set-up. */
	async choosePassword(chosen: string): Promise<void> {
		await expect(this.page.getByRole('heading', { name: 'Choose a new password' })).toBeVisible();
		await this.page.getByLabel('New password', { exact: true }).fill(chosen);
		await this.page.getByLabel('New password again').fill(chosen);
		await this.page.getByRole('button', { name: 'Save the new password' }).click();
		await expect(this.page).not.toHaveURL(/\/login$/);
		await this.#opened();
		await this.#setUpIfAsked();
	}

	async setUpPassphrase(passphrase: string): Promise<void> {
		await this.page.getByLabel('New passphrase').fill(passphrase);
		await this.page.getByLabel('Repeat passphrase').fill(passphrase);
		await this.page.getByRole('button', { name: 'Set up with passphrase only' }).click();
		await this.page.getByTestId('app-open').waitFor({ state: 'attached' });
	}

	/** Away from /login, with the app open or asking for unlock set-up. */
	async #opened(): Promise<void> {
		await this.page.waitForURL((url) => url.pathname !== '/login');
		await this.page
			.locator('[data-testid="unlock-setup"], [data-testid="app-open"]')
			.first()
			.waitFor({ state: 'attached' });
	}

	async #setUpIfAsked(): Promise<void> {
		if (await this.page.getByTestId('unlock-setup').isVisible()) {
			await this.setUpPassphrase(TEST_PASSPHRASE);
		}
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
