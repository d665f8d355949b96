import { expect, type Locator, type Page } from '@playwright/test';

export class SubjectPage {
	readonly heading: Locator;
	readonly orders: Locator;
	readonly conditions: Locator;
	readonly addresses: Locator;

	constructor(readonly page: Page) {
		this.heading = page.getByRole('heading', { level: 1 });
		this.orders = page.getByTestId('order');
		this.conditions = page.getByTestId('condition');
		this.addresses = page.getByTestId('address');
	}

	async expectLoaded(name: string): Promise<void> {
		await expect(this.heading).toHaveText(name);
		await expect(this.addresses.first()).toBeVisible();
	}
}
