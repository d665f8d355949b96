import { expect, test } from '@playwright/test';
import { curfewInForceNow, warningLabels } from '../../src/lib/domain/caseload-marks';
import { londonDate, londonWallTimeToInstant } from '../../src/lib/domain/london-time';
import { addressLine, homeAddress, subjectDisplayName } from '../../src/lib/domain/subject';
import { CaseloadPage } from './pages/caseload-page';
import { LoginPage } from './pages/login-page';
import { serverCaseload } from './pages/server-caseload';
import { phone } from './pages/sizes';
import { VisitPage } from './pages/visit-page';

test('the caseload shows full addresses, named warnings, curfew-now and visited marks, and finds streets and towns', async ({
	browser
}) => {
	// 23:30 tonight in London: night curfews are in force, day ones are not.
	const at = londonWallTimeToInstant(londonDate(new Date()), '23:30');
	const context = await browser.newContext({ viewport: phone.viewport });
	await context.clock.setFixedTime(at);
	const page = await context.newPage();
	await new LoginPage(page).signIn('officer2', 'demo-officer-2');
	const caseload = new CaseloadPage(page);
	await caseload.waitUntilReadyForOffline();
	const bundles = serverCaseload('officer2');
	expect(await caseload.total()).toBe(bundles.length);
	const row = (name: string) => caseload.rows.filter({ hasText: name }).first();

	for (const b of bundles) {
		const name = subjectDisplayName(b.subject);
		const r = row(name);
		// The whole first address, every line of it, not "Flat 4, Luton".
		const home = homeAddress(b.addresses);
		await expect(r.getByTestId('caseload-address')).toHaveText(
			home ? addressLine(home) : 'No address held'
		);
		// Warnings by name, readable on a touchscreen.
		for (const w of b.subject.warnings) await expect(r).toContainText(warningLabels[w]);
		// Curfew in force now: exactly the subjects the rule says.
		await expect(r.getByTestId('mark-curfew')).toHaveCount(curfewInForceNow(b, at) ? 1 : 0);
		await expect(r.getByTestId('mark-visited')).toHaveCount(0);
		await expect(r.getByTestId('team-visit')).toHaveCount(0);
	}
	expect(bundles.some((b) => curfewInForceNow(b, at))).toBe(true);
	expect(bundles.some((b) => b.subject.warnings.length > 1)).toBe(true);

	// Search by street and by town.
	const target = bundles.find((b) => homeAddress(b.addresses))!;
	const home = homeAddress(target.addresses)!;
	const street = home.lines
		.at(-1)!
		.replace(/^[\d\s,]+/, '')
		.split(/\s+/)[0]!;
	await caseload.search.fill(street.toLowerCase());
	await expect(row(subjectDisplayName(target.subject))).toBeVisible();
	expect(await caseload.shown()).toBeLessThan(bundles.length);
	await caseload.search.fill(home.town);
	await expect(row(subjectDisplayName(target.subject))).toBeVisible();
	const inTown = bundles.filter((b) => b.addresses.some((a) => a.town === home.town)).length;
	expect(await caseload.shown()).toBe(inTown);
	await caseload.search.fill('');

	// A visit recorded: that subject, and only that one, is marked visited.
	await caseload.open(subjectDisplayName(target.subject));
	await page.getByRole('button', { name: 'Start visit here' }).first().click();
	const visit = new VisitPage(page);
	await visit.result('No reply');
	await visit.finalise();
	await page.getByRole('link', { name: 'Back to caseload' }).click();
	// "Visited today" from this device, or "Visited 23:30 by …" once the server has it back.
	const visitedMark = page.locator('[data-testid="mark-visited"], [data-testid="team-visit"]');
	await expect(row(subjectDisplayName(target.subject)).locator(visitedMark)).toHaveText(
		/^Visited (today|23:30 by )/
	);
	await expect(visitedMark).toHaveCount(1);
	await context.close();
});
