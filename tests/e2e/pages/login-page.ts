import { expect, type Page } from '@playwright/test';

export class LoginPage {
	constructor(readonly page: Page) {}

	async signIn(username: string, password: string): Promise<void> {
		await this.page.goto('/login');
		await this.page.getByLabel('Username').fill(username);
		await this.page.getByLabel('Password').fill(password);
		await this.page.getByRole('button', { name: 'Sign in' }).click();
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

	/** The change-password form a reset or new account is held at. */
	async choosePassword(chosen: string): Promise<void> {
		await expect(this.page.getByRole('heading', { name: 'Choose a new password' })).toBeVisible();
		await this.page.getByLabel('New password', { exact: true }).fill(chosen);
		await this.page.getByLabel('New password again').fill(chosen);
		await this.page.getByRole('button', { name: 'Save the new password' }).click();
		await expect(this.page).not.toHaveURL(/\/login$/);
	}
}
