import { expect, type Locator, type Page } from '@playwright/test';

/** The sergeant's planning screen. */
export class PlanPage {
	readonly rows: Locator;

	constructor(readonly page: Page) {
		this.rows = page.getByTestId('plan-row');
	}

	async open(shift: 'Day' | 'Late' | 'Night'): Promise<void> {
		await this.page.goto('/station/operation/plan');
		await expect(this.rows.first()).toBeVisible();
		await this.page.getByRole('combobox', { name: 'Shift' }).selectOption({ label: shift });
		await this.page.getByRole('button', { name: 'Show' }).click();
		await expect(this.page.getByTestId('shift-window')).toBeVisible();
	}

	async select(names: string[]): Promise<void> {
		for (const name of names) await this.page.getByLabel(`Select ${name}`).check();
	}

	async names(): Promise<string[]> {
		return this.rows.locator('td:nth-child(2) strong').allTextContents();
	}

	/** Crew n (1-based) with its officer chosen by display name. */
	async addCrew(n: number, officer: string): Promise<void> {
		await this.page.getByRole('button', { name: 'Add crew' }).click();
		const crew = this.page.getByTestId('crew').nth(n - 1);
		await crew
			.getByRole('combobox', { name: 'Officer', exact: true })
			.selectOption({ label: officer });
	}
}
