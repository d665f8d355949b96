import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { CaseloadPage } from './pages/caseload-page';
import { LayoutProbe } from './pages/layout-probe';
import { LoginPage } from './pages/login-page';
import { OutboxPage } from './pages/outbox-page';
import { PlanPage } from './pages/plan-page';
import { RoutePage } from './pages/route-page';
import { VisitPage } from './pages/visit-page';
import { serverDb } from './helpers';

const displayName = (username: string) =>
	serverDb(
		(db) =>
			(
				db.prepare('SELECT display_name FROM users WHERE username = ?').get(username) as {
					display_name: string;
				}
			).display_name
	);

const nameOf = (subjectId: string) => {
	const s = serverDb(
		(db) =>
			JSON.parse(
				(db.prepare('SELECT data FROM subjects WHERE id = ?').get(subjectId) as { data: string })
					.data
			) as { givenName: string; familyName: string }
	);
	return `${s.familyName.toUpperCase()}, ${s.givenName}`;
};

test('the sergeant plans tonight, watches a breach arrive live, reviews, prints and exports it', async ({
	browser
}) => {
	test.setTimeout(240_000);
	const [pc1, pc2, pc3] = ['officer1', 'officer2', 'officer3'].map(displayName);

	// The sergeant plans tonight's shift: 30 subjects auto-planned across three crews.
	const station = await browser.newContext();
	const sergeant = await station.newPage();
	await new LoginPage(sergeant).signIn('sergeant', 'demo-sergeant');
	await expect(sergeant).not.toHaveURL(/\/login$/);
	const plan = new PlanPage(sergeant);
	await plan.open('Night');
	await expect(plan.rows).toHaveCount(60);
	const chosen = (await plan.names()).slice(0, 30);
	await plan.select(chosen);
	await expect(sergeant.getByTestId('plan-count')).toContainText('30 selected');
	await plan.addCrew(1, pc1!);
	await plan.addCrew(2, pc2!);
	await plan.addCrew(3, pc3!);
	await sergeant.getByRole('button', { name: 'Auto-plan' }).click();
	const routes = sergeant.getByTestId('crew-route');
	await expect(routes).toHaveCount(3);
	await expect(routes.first()).toContainText('est.');
	await sergeant.getByRole('textbox', { name: 'Operation name' }).last().fill('Op Lantern');
	await sergeant.getByRole('button', { name: 'Assign these routes' }).click();
	await expect(sergeant.getByTestId('plan-message')).toHaveText(
		'Assigned every crew its planned route'
	);
	const crewOne = serverDb(
		(db) =>
			db
				.prepare(
					`SELECT a.subject_id FROM assignments a JOIN users u ON u.id = a.officer_id
					 WHERE u.username = 'officer1' AND a.active = 1 AND a.crew_id IS NOT NULL
					 ORDER BY a.route_order`
				)
				.all() as { subject_id: string }[]
	).map((r) => r.subject_id);
	expect(crewOne.length).toBeGreaterThan(0);

	// The dashboard stays open from here on: it must update by itself.
	const dash = await station.newPage();
	await dash.goto('/station/operation/dashboard');
	await expect(dash.getByTestId('breach-count')).toContainText('0');

	// Officer 1's device receives its part and records a breach visit.
	const field = await browser.newContext({
		permissions: ['geolocation'],
		geolocation: { latitude: 52.1357, longitude: -0.4665, accuracy: 12 }
	});
	const officer = await field.newPage();
	await new LoginPage(officer).signIn('officer1', 'demo-officer-1');
	const caseload = new CaseloadPage(officer);
	await caseload.waitUntilReadyForOffline();
	await expect(officer.locator('nav a[href^="/station"]')).toHaveCount(0);
	const withConditions = serverDb((db) =>
		crewOne.find(
			(id) =>
				(
					db
						.prepare(`SELECT count(*) AS n FROM orders WHERE subject_id = ? AND status = 'active'`)
						.get(id) as { n: number }
				).n > 0
		)
	)!;
	await officer.goto(`/subjects/${withConditions}`);
	await officer.getByRole('button', { name: 'Start visit here' }).first().click();
	const visit = new VisitPage(officer);
	await visit.result('Seen');
	expect(await visit.markFirstCondition('Breach')).toBe(true);
	await visit.markUnmarked('Compliant');
	await officer.getByTestId('check').first().getByRole('textbox').fill('Inside the zone at 22:40');
	await visit.notes('Found at the address during the curfew with the protected person present');
	await visit.recordPosition();
	await visit.finalise();
	const outbox = new OutboxPage(officer);
	await outbox.open();
	await expect
		.poll(async () => {
			await outbox.sendNow();
			return outbox.states();
		})
		.toEqual(['sent']);

	// The sergeant's dashboard shows it within 10 s, with no reload.
	await expect(dash.getByTestId('breach-count')).toContainText('1', { timeout: 10_000 });
	// The per-officer table fits the station's screens: nothing cut off, nothing under the map.
	const probe = new LayoutProbe(dash);
	for (const viewport of [
		{ width: 1280, height: 800 },
		{ width: 1024, height: 768 }
	]) {
		await dash.setViewportSize(viewport);
		await expect.poll(() => probe.sidewaysOverflow()).toBe(0);
		expect(await probe.clipped(dash.getByTestId('officer-progress-box'))).toBe(0);
		const table = (await dash.getByTestId('officer-progress').boundingBox())!;
		const map = (await dash.getByRole('img', { name: /Map of the day/ }).boundingBox())!;
		const overlaps =
			table.x < map.x + map.width &&
			map.x < table.x + table.width &&
			table.y < map.y + map.height &&
			map.y < table.y + table.height;
		expect(overlaps, `table and map overlap at ${viewport.width} px`).toBe(false);
	}
	await dash.setViewportSize({ width: 1280, height: 800 });
	const breach = dash.getByTestId('breaches').getByRole('link').first();
	await breach.click();
	await expect(dash.getByTestId('record-result')).toHaveText('Seen');
	await dash.getByLabel('Review comment').fill('Breach confirmed; arrest to follow');
	await dash.getByRole('button', { name: 'Mark reviewed' }).click();
	await expect(dash.getByTestId('review')).toContainText('Breach confirmed');

	// Printed for the court file: the print stylesheet drops navigation, the PDF has pages.
	await dash.emulateMedia({ media: 'print' });
	await expect(dash.getByRole('button', { name: 'Print visit record' })).toBeHidden();
	await expect(dash.getByText('Fieldcheck visit record · printed')).toBeVisible();
	const pdf = await dash.pdf({ format: 'A4' });
	expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
	await dash.emulateMedia({ media: 'screen' });

	// The exported CSV lists it.
	const visitId = new URL(dash.url()).pathname.split('/').at(-1)!;
	const day = serverDb(
		(db) =>
			(
				db.prepare('SELECT op_date FROM visit_outcomes WHERE visit_id = ?').get(visitId) as {
					op_date: string;
				}
			).op_date
	);
	const csv = await dash.request.get(`/api/operation/export.csv?from=${day}&to=${day}`);
	const text = await csv.text();
	expect(text.split('\r\n')[0]).toContain('visit_id,operational_date');
	expect(text).toContain(visitId);

	// The breach waits on the team's open follow-ups until marked dealt with.
	await dash.goto('/station/operation/follow-ups');
	const followUp = dash.getByTestId('follow-up').filter({ hasText: nameOf(withConditions) });
	await expect(followUp).toContainText(`Found by ${pc1}`);
	const axe = await new AxeBuilder({ page: dash })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
		.analyze();
	expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
	await followUp.getByLabel('What was done').fill('Arrested and charged; bail refused');
	await followUp.getByRole('button', { name: 'Mark dealt with' }).click();
	await expect(dash.getByTestId('follow-up-message')).toContainText('marked dealt with');
	await expect(followUp).toHaveCount(0);

	// Reassigning a subject removes it from officer 1's device.
	const moved = crewOne.find((id) => id !== withConditions)!;
	const name = nameOf(moved);
	await officer.goto('/');
	await expect(caseload.rows.filter({ hasText: name })).toHaveCount(1);
	// The team's picture: the caseload knows who visited, and when, this operational day.
	await expect(
		caseload.rows.filter({ hasText: nameOf(withConditions) }).getByTestId('team-visit')
	).toContainText(`by ${pc1}`);
	await plan.open('Night');
	await plan.select([name]);
	await sergeant
		.getByRole('combobox', { name: 'Officer', exact: true })
		.first()
		.selectOption({ label: pc2! });
	await sergeant.getByRole('button', { name: 'Assign', exact: true }).click();
	await expect(sergeant.getByTestId('plan-message')).toHaveText('Assigned 1 subject');
	await officer.reload();
	await expect(caseload.rows.filter({ hasText: name })).toHaveCount(0, { timeout: 15_000 });
	await expect(officer.locator('nav a[href^="/station"]')).toHaveCount(0);

	// The route knows the team's picture too: the picker and the planned stop say who visited.
	const route = new RoutePage(officer);
	await route.open();
	const pick = officer
		.getByTestId('route-picker')
		.locator('li', { hasText: nameOf(withConditions) });
	await expect(pick.getByTestId('team-visit')).toContainText(`by ${pc1}`);
	await pick.getByTestId('route-pick').check();
	await route.plan();
	await expect(
		route.stops.filter({ hasText: nameOf(withConditions) }).getByTestId('team-visit')
	).toContainText(`by ${pc1}`);

	await field.close();
	await station.close();
});
