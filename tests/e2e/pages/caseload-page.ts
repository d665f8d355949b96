import { expect, type Locator, type Page } from '@playwright/test';

export class CaseloadPage {
	readonly rows: Locator;
	readonly count: Locator;
	readonly search: Locator;

	constructor(readonly page: Page) {
		this.rows = page.getByTestId('caseload-row');
		this.count = page.getByTestId('caseload-count');
		this.search = page.getByTestId('caseload-search');
	}

	async waitUntilReadyForOffline(): Promise<void> {
		await expect(this.page.getByTestId('ready-offline')).toBeVisible();
		await expect(this.rows.first()).toBeVisible();
	}

	/** The total in "12 of 20 subjects". */
	async total(): Promise<number> {
		const text = (await this.count.textContent()) ?? '';
		const m = /of (\d+) subjects/.exec(text);
		if (!m) throw new Error(`no count in "${text}"`);
		return Number(m[1]);
	}

	/** Rows marked as visited today (by this device or, from the server, anyone on the team). */
	async visitedToday(): Promise<number> {
		return this.rows
			.filter({
				has: this.page.locator('[data-testid="team-visit"], [data-testid="mark-visited"]')
			})
			.count();
	}

	async shown(): Promise<number> {
		const text = (await this.count.textContent()) ?? '';
		return Number(/^(\d+) of/.exec(text.trim())?.[1]);
	}

	async names(): Promise<string[]> {
		return this.rows.locator('.name').allTextContents();
	}

	async open(name: string): Promise<void> {
		await this.rows.filter({ hasText: name }).first().click();
	}
}
