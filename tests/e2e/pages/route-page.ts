import { expect, type Locator, type Page } from '@playwright/test';

/** The route planner, driven through its labelled buttons. */
export class RoutePage {
	readonly stops: Locator;
	readonly status: Locator;

	constructor(readonly page: Page) {
		this.stops = page.getByTestId('route-stop');
		this.status = page.getByTestId('route-status');
	}

	async open(): Promise<void> {
		await this.page.goto('/route');
		await expect(this.page.getByRole('heading', { name: 'Route', level: 1 })).toBeVisible();
	}

	/** How many subjects the planner has chosen by default. */
	async chosen(): Promise<number> {
		return this.page.getByTestId('route-pick').and(this.page.locator(':checked')).count();
	}

	async plan(): Promise<void> {
		await this.page.getByRole('button', { name: /^Plan route for/ }).click();
		await expect(this.stops.first()).toBeVisible();
		await this.idle();
	}

	async reoptimise(): Promise<void> {
		await this.page.getByRole('button', { name: 'Re-optimise' }).click();
		await this.idle();
	}

	async vary(): Promise<void> {
		await this.page.getByRole('button', { name: 'Vary my route' }).click();
		await this.idle();
	}

	/** Subject ids in visiting order. */
	async order(): Promise<string[]> {
		return this.stops.evaluateAll((els) => els.map((e) => e.getAttribute('data-subject-id') ?? ''));
	}

	async arrivals(): Promise<string[]> {
		return this.page.getByTestId('route-arrival').allTextContents();
	}

	async moveUp(position: number): Promise<void> {
		await this.stops
			.nth(position)
			.getByRole('button', { name: /^Move .* up$/ })
			.click();
	}

	async pin(position: number): Promise<void> {
		await this.stops.nth(position).getByRole('button', { name: /^Pin / }).click();
		await expect(this.stops.nth(position)).toHaveAttribute('data-pinned', 'true');
	}

	async startVisit(position: number): Promise<void> {
		await this.stops.nth(position).getByRole('button', { name: 'Start visit' }).click();
	}

	/** Waits until no optimisation is running (the action buttons are enabled again). */
	private async idle(): Promise<void> {
		await expect(this.page.getByRole('button', { name: 'Vary my route' })).toBeEnabled({
			timeout: 30_000
		});
	}
}
