import type { Locator, Page } from '@playwright/test';

export class OutboxPage {
	readonly items: Locator;

	constructor(readonly page: Page) {
		this.items = page.getByTestId('outbox-item');
	}

	async open(): Promise<void> {
		await this.page.goto('/outbox');
	}

	async states(): Promise<string[]> {
		return this.items.evaluateAll((els) => els.map((e) => e.getAttribute('data-state') ?? ''));
	}

	async sendNow(): Promise<void> {
		const button = this.page.getByRole('button', { name: 'Send now' });
		if (await button.isEnabled()) await button.click();
	}
}
