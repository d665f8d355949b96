import { expect, type Page } from '@playwright/test';

/** The visit form, driven the way an officer would: big labelled controls. */
export class VisitPage {
	constructor(readonly page: Page) {}

	async result(label: string): Promise<void> {
		await this.page.getByRole('radio', { name: label, exact: true }).check();
	}

	/** Marks the first condition, if the subject has any active ones; returns whether it did. */
	async markFirstCondition(
		outcome: 'Compliant' | 'Breach' | 'Not checked' | 'N/A'
	): Promise<boolean> {
		await expect(this.page.getByRole('group', { name: 'Conditions checked' })).toBeVisible();
		const check = this.page.getByTestId('check').first();
		if ((await this.page.getByTestId('check').count()) === 0) return false;
		await check.getByRole('radio', { name: outcome, exact: true }).check();
		await expect(check).toHaveAttribute(
			'data-outcome',
			outcome === 'N/A' ? 'not-applicable' : outcome.toLowerCase().replace(' ', '-')
		);
		return true;
	}

	async notes(text: string): Promise<void> {
		await this.page.getByLabel('Notes', { exact: true }).fill(text);
	}

	/** Typing is saved coalesced: wait until the last change is on the device. */
	async waitUntilSaved(): Promise<void> {
		await expect(this.page.locator('form.visit')).toHaveAttribute('data-saved', 'true');
	}

	async addPhoto(path: string): Promise<void> {
		await this.page.getByTestId('photo-input').setInputFiles(path);
		await expect(this.page.getByTestId('photo')).toHaveCount(1);
	}

	async recordPosition(): Promise<void> {
		await this.page.getByRole('button', { name: /Record position/ }).click();
		await expect(this.page.getByTestId('position-state')).toHaveAttribute('data-state', 'recorded');
	}

	async finalise(): Promise<void> {
		await this.page.getByRole('button', { name: 'Finalise visit' }).click();
		await expect(this.page.getByTestId('saved-on-device')).toBeVisible();
	}
}
