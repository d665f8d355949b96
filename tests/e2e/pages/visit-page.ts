import { expect, type Locator, type Page } from '@playwright/test';

/** The visit form, driven the way an officer would: big labelled controls. */
export class VisitPage {
	constructor(readonly page: Page) {}

	/** From a subject's page: starts a visit at the first address; returns the visit's id. */
	async start(): Promise<string> {
		await this.page.getByRole('button', { name: 'Start visit here' }).first().click();
		await this.page.waitForURL(/\/visits\//);
		return this.page.url().split('/').pop()!;
	}

	/** Seen, every condition compliant (a seen subject's visit needs each one), notes, finalised. */
	async recordSeenCompliant(notes: string): Promise<void> {
		await this.result('Seen');
		await this.markAllConditions('Compliant');
		await this.notes(notes);
		await this.finalise();
	}

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

	/** Marks every condition on the checklist (a seen subject's visit needs each one marked). */
	async markAllConditions(outcome: 'Compliant' | 'Breach' | 'Not checked' | 'N/A'): Promise<void> {
		await expect(this.page.getByRole('group', { name: 'Conditions checked' })).toBeVisible();
		for (const check of await this.page.getByTestId('check').all()) {
			await check.getByRole('radio', { name: outcome, exact: true }).check();
		}
	}

	/** Marks each condition not yet marked (a seen subject's visit needs every one marked). */
	async markUnmarked(outcome: 'Compliant' | 'Breach' | 'Not checked' | 'N/A'): Promise<void> {
		const unmarked = this.page.locator('[data-testid="check"][data-outcome="unmarked"]');
		// One at a time: each one marked leaves the list.
		for (let left = await unmarked.count(); left > 0; left--) {
			await unmarked.first().getByRole('radio', { name: outcome, exact: true }).check();
			await expect(unmarked).toHaveCount(left - 1);
		}
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

	/** Opens the review step; nothing is locked yet. */
	async review(): Promise<Locator> {
		await this.page.getByRole('button', { name: 'Review and finalise' }).click();
		const dialog = this.page.getByRole('dialog', { name: 'Review before finalising' });
		await expect(dialog).toBeVisible();
		return dialog;
	}

	/** Reviews, confirms, and waits until the visit is saved on the device. */
	async finalise(): Promise<void> {
		const dialog = await this.review();
		await dialog.getByRole('button', { name: 'Confirm and lock visit' }).click();
		await expect(this.page.getByTestId('saved-on-device')).toBeVisible();
	}
}
