import { expect, type Locator, type Page } from '@playwright/test';

/** The administrator's users and teams screen. */
export class UsersPage {
	readonly form: Locator;

	constructor(readonly page: Page) {
		this.form = page.getByRole('form', { name: 'New user' });
	}

	async open(): Promise<void> {
		await this.page.goto('/station/users');
		await expect(this.page.getByRole('heading', { name: 'Users and teams' })).toBeVisible();
	}

	async createTeam(name: string): Promise<void> {
		await this.page.getByLabel('New team name').fill(name);
		await this.page.getByRole('button', { name: 'Create team' }).click();
		await expect(this.page.getByRole('status')).toHaveText(`Team ${name} created`);
	}

	async createUser(u: {
		name: string;
		collar: string;
		username: string;
		role: 'officer' | 'supervisor' | 'administrator';
		team: string;
		password: string;
	}): Promise<void> {
		await this.form.getByLabel('Name', { exact: true }).fill(u.name);
		await this.form.getByLabel('Collar number').fill(u.collar);
		await this.form.getByLabel('Username', { exact: true }).fill(u.username);
		await this.form.getByRole('combobox', { name: /^Role/ }).selectOption(u.role);
		await this.form.getByRole('combobox', { name: /^Team/ }).selectOption({ label: u.team });
		await this.form.getByLabel(/^First password/).fill(u.password);
		await this.form.getByRole('button', { name: 'Create user' }).click();
		await expect(this.page.getByRole('status')).toHaveText(`User ${u.username} created`);
		// The form empties itself once the list has reloaded: wait, or the next user's typing is lost.
		await expect(this.form.getByLabel('Username', { exact: true })).toHaveValue('');
	}
}

/** Resets a user's password from the users table (the screen asks with a prompt). */
export async function resetPassword(
	page: Page,
	username: string,
	temporary: string
): Promise<void> {
	page.once('dialog', (d) => void d.accept(temporary));
	await page
		.getByRole('row', { name: new RegExp(username.replace('.', '\\.')) })
		.getByRole('button', { name: 'Reset password' })
		.click();
	await expect(page.getByRole('status')).toHaveText(`Password reset for ${username}`);
}

export type ImportFiles = Partial<
	Record<'subjects' | 'addresses' | 'orders' | 'conditions', string>
>;

/** The administrator's import screen: choose files, dry run, then import. */
export class ImportPage {
	readonly report: Locator;
	readonly problems: Locator;

	constructor(readonly page: Page) {
		this.report = page.getByRole('heading', { level: 2 }).filter({ hasText: /Dry run|Imported/ });
		this.problems = page.getByRole('table', { name: 'Problems' }).locator('tbody tr');
	}

	async open(team: string): Promise<void> {
		await this.page.goto('/station/import');
		await expect(this.page.getByRole('heading', { name: 'Import a caseload' })).toBeVisible();
		await this.page.getByRole('combobox', { name: /team/ }).selectOption({ label: team });
	}

	/** Chooses the files (paths) and runs the dry run. */
	async dryRun(files: ImportFiles): Promise<void> {
		for (const [name, path] of Object.entries(files)) {
			await this.page.getByLabel(`${name}.csv`).setInputFiles(path);
		}
		await this.page.getByRole('button', { name: 'Check (dry run)' }).click();
		await expect(this.report).toBeVisible();
	}

	async apply(): Promise<void> {
		await this.page.getByRole('button', { name: 'Import', exact: true }).click();
		await expect(this.report).toHaveText('Imported');
	}

	/** Counts per kind of record from the report's table: { subjects: [create, update, unchanged] }. */
	async counts(): Promise<Record<string, [number, number, number]>> {
		const rows = this.page
			.locator('section')
			.filter({ has: this.report })
			.locator('table')
			.first()
			.locator('tbody tr');
		const out: Record<string, [number, number, number]> = {};
		for (const row of await rows.all()) {
			const [kind, ...n] = await row.locator('td').allTextContents();
			out[kind!] = n.map(Number) as [number, number, number];
		}
		return out;
	}

	/** Every problem as "file row column: problem". */
	async problemRows(): Promise<{ file: string; row: string; column: string; problem: string }[]> {
		const out = [];
		for (const row of await this.problems.all()) {
			const [file = '', r = '', column = '', problem = ''] = await row
				.locator('td')
				.allTextContents();
			out.push({ file, row: r, column, problem });
		}
		return out;
	}
}

/** A subject on the station: its orders, a variation, and the zone drawn with Geoman. */
export class StationSubjectPage {
	constructor(readonly page: Page) {}

	async find(query: string, name: string): Promise<void> {
		await this.page.goto('/station/subjects');
		await this.page.getByLabel(/^Name, alias/).fill(query);
		await this.page.getByRole('button', { name: 'Search' }).click();
		await this.page.getByRole('link', { name }).click();
		await expect(this.page.getByRole('heading', { level: 1 })).toHaveText(name);
	}

	order(reference: string): Locator {
		return this.page.getByRole('article', { name: `Order ${reference}` });
	}

	/** Opens the variation form of an order. */
	async startVariation(reference: string): Promise<Locator> {
		await this.order(reference).getByRole('button', { name: 'Record a variation' }).click();
		return this.page.getByRole('form', { name: `Variation of ${reference}` });
	}

	/**
	 * Adds an exclusion zone to the open order form and draws it as a circle with Geoman's own
	 * control: click the circle tool, click the centre, click the edge.
	 */
	async addDrawnCircle(form: Locator, label: string, wording: string): Promise<void> {
		await form.getByRole('combobox', { name: 'Condition type' }).selectOption('exclusion-zone');
		await form.getByRole('button', { name: 'Add condition' }).click();
		const zone = form.locator('fieldset').filter({ hasText: 'Exclusion zone' }).last();
		await zone.getByLabel('Label').fill(label);
		await zone.getByLabel("The court's wording").fill(wording);
		const map = zone.getByRole('application', { name: 'Draw the exclusion zone' });
		const tool = map.locator('.leaflet-pm-icon-circle');
		await expect(tool).toBeVisible();
		await tool.click();
		const box = (await map.boundingBox())!;
		const [cx, cy] = [box.x + box.width / 2, box.y + box.height / 2];
		await this.page.mouse.click(cx, cy);
		await this.page.mouse.move(cx + 30, cy, { steps: 5 });
		await this.page.mouse.click(cx + 60, cy);
		await expect(zone.getByText(/^Zone: circle, \d+ m$/)).toBeVisible();
	}

	/** Adds an exclusion zone around a protected person's premises (held on the server). */
	async addPremisesZone(form: Locator, reference: string, wording: string): Promise<void> {
		await form.getByRole('combobox', { name: 'Condition type' }).selectOption('exclusion-zone');
		await form.getByRole('button', { name: 'Add condition' }).click();
		const zone = form.locator('fieldset').filter({ hasText: 'Exclusion zone' }).last();
		await zone.getByLabel("The court's wording").fill(wording);
		await zone.getByRole('checkbox', { name: /Around protected premises/ }).check();
		const premises = zone.getByRole('group', { name: "Around a protected person's premises" });
		await premises.getByRole('combobox', { name: 'Premises of' }).selectOption(reference);
		await premises.getByRole('button', { name: 'Zone around these premises' }).click();
		await expect(zone.getByLabel('Label')).toHaveValue('Protected premises');
		await expect(zone.getByText(/^Zone: circle, 200 m$/)).toBeVisible();
	}
}

/** The protected persons screen: a reference and premises, never a name. */
export async function createProtectedPerson(
	page: Page,
	reference: string,
	premises: { line1: string; town: string; postcode: string; lat: number; lon: number }
): Promise<void> {
	await page.goto('/station/protected-persons');
	await page.getByRole('button', { name: 'New protected person' }).click();
	const form = page.getByRole('form', { name: 'Protected person' });
	await form.getByLabel('Pseudonymous reference').fill(reference);
	await form.getByLabel('First line').fill(premises.line1);
	await form.getByLabel('Town').fill(premises.town);
	await form.getByLabel('Postcode').fill(premises.postcode);
	await form.getByLabel('Latitude').fill(String(premises.lat));
	await form.getByLabel('Longitude').fill(String(premises.lon));
	await form.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByRole('status')).toHaveText(`${reference} saved`);
	await expect(page.getByRole('row', { name: new RegExp(reference) })).toContainText(
		premises.line1
	);
}
