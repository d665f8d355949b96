import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Sqlite from 'better-sqlite3';
import { operationalDay } from '../../src/lib/domain/operation/operational-day';
import { expect, test, type FreshServer } from './fresh-server';
import { CaseloadPage } from './pages/caseload-page';
import { LoginPage } from './pages/login-page';
import { SubjectPage } from './pages/subject-page';
import {
	createProtectedPerson,
	ImportPage,
	resetPassword,
	StationSubjectPage,
	UsersPage
} from './pages/station-intake-pages';

/**
 * Issue 9 end to end, on a production server started with no seed: the first administrator
 * from the admin command, teams and users on screen, a caseload imported from the example
 * CSVs (a bad file first), an order varied with a zone drawn on the map by a supervisor, and
 * an officer who downloads it and sees the new version. Importing again changes nothing.
 */
const example = (name: string) =>
	fileURLToPath(new URL(`../../static/import-examples/${name}`, import.meta.url));
const clean = {
	subjects: example('subjects.csv'),
	addresses: example('addresses.csv'),
	orders: example('orders.csv'),
	conditions: example('conditions.csv')
};
const TEAM = 'Bedford DA Team';
const ADMIN = { username: 'first-admin', password: 'harbour lantern copper meadow' };
const SUPERVISOR = {
	username: 'sgt.reyes',
	first: 'temporary gatepost 41',
	own: 'kestrel orchard 77 tide'
};
const OFFICERS = [
	{
		username: 'pc.okafor',
		name: 'PC Ada Okafor',
		collar: '4101',
		first: 'temporary pebble 52',
		own: 'lighthouse fern 19 quay'
	},
	{
		username: 'pc.lindqvist',
		name: 'PC Bo Lindqvist',
		collar: '4102',
		first: 'temporary marble 63',
		own: 'cobalt willow 28 dune'
	}
];
// A step that cannot act fails in seconds, not at the end of the whole walk's timeout.
test.use({ actionTimeout: 20_000 });

const NAME = 'EXAMPLE, Darren';
const PREMISES = {
	line1: '5 Hidden Lane',
	town: 'Bedford',
	postcode: 'MK41 9ZZ',
	lat: 52.1405,
	lon: -0.4602
};

/** Every kind of record in the report: 0 created, 0 updated, some left alone. */
async function expectNoChange(imports: ImportPage): Promise<void> {
	const counts = await imports.counts();
	expect(Object.keys(counts).sort()).toEqual(['addresses', 'conditions', 'orders', 'subjects']);
	for (const [kind, [created, updated, unchanged]] of Object.entries(counts)) {
		expect({ kind, created, updated }).toEqual({ kind, created: 0, updated: 0 });
		expect(unchanged).toBeGreaterThan(0);
	}
}

function count(server: FreshServer, sql: string): number {
	const db = new Sqlite(server.dbPath, { readonly: true, fileMustExist: true });
	try {
		return (db.prepare(sql).get() as { n: number }).n;
	} finally {
		db.close();
	}
}

test('a production start: first administrator, users, import, a variation drawn on the map, an officer sees it', async ({
	browser,
	freshServer
}) => {
	test.setTimeout(300_000);
	const admin = await (await browser.newContext()).newPage();
	const imports = new ImportPage(admin);

	await test.step('the admin command creates the first administrator (password on stdin)', () => {
		expect(count(freshServer, 'SELECT count(*) AS n FROM users')).toBe(0);
		const out = execFileSync(
			'npm',
			[
				'run',
				'-s',
				'admin',
				'--',
				'create-user',
				'--role',
				'administrator',
				'--username',
				ADMIN.username
			],
			{
				input: `${ADMIN.password}\n`,
				env: { ...process.env, DATABASE_URL: freshServer.databaseUrl }
			}
		).toString();
		expect(out).toMatch(/Created administrator first-admin/);
		expect(count(freshServer, 'SELECT count(*) AS n FROM users')).toBe(1);
		expect(count(freshServer, 'SELECT count(*) AS n FROM subjects')).toBe(0);
	});

	await test.step('the administrator creates a team, a supervisor and two officers', async () => {
		await new LoginPage(admin).signIn(ADMIN.username, ADMIN.password);
		await expect(admin).toHaveURL(/\/station$/);
		const users = new UsersPage(admin);
		await users.open();
		await users.createTeam(TEAM);
		await users.createUser({
			name: 'Sgt Rosa Reyes',
			collar: '2201',
			username: SUPERVISOR.username,
			role: 'supervisor',
			team: TEAM,
			password: SUPERVISOR.first
		});
		for (const o of OFFICERS) {
			await users.createUser({ ...o, role: 'officer', team: TEAM, password: o.first });
		}
		await expect(admin.getByRole('row', { name: /pc\.lindqvist/ })).toContainText(
			'must change password'
		);
	});

	await test.step('a file with errors: the report names each row, nothing is written', async () => {
		await imports.open(TEAM);
		await imports.dryRun({ ...clean, conditions: example('conditions-with-errors.csv') });
		await expect(imports.report).toHaveText(/problems — nothing was written/);
		const problems = await imports.problemRows();
		// Each bad row by number and column (the header is row 1; row 7 is the first holder of a
		// reference that row 8 repeats).
		expect(problems.map((p) => [p.file, p.row, p.column])).toEqual([
			['conditions.csv', '3', 'zone_lat'], // outside the UK
			['conditions.csv', '4', 'start'], // 25:00
			['conditions.csv', '5', 'type'], // no such condition type
			['conditions.csv', '6', 'zone_polygon'], // the polygon does not close
			['conditions.csv', '8', ''], // a reference twice in one file
			['conditions.csv', '9', 'order_ref'] // an order that does not exist
		]);
		expect(problems[4]!.problem).toMatch(/C-0202-2 is also on row 7/);
		await expect(admin.getByRole('button', { name: 'Import', exact: true })).toBeDisabled();
		expect(count(freshServer, 'SELECT count(*) AS n FROM subjects')).toBe(0);
		expect(count(freshServer, 'SELECT count(*) AS n FROM orders')).toBe(0);
	});

	await test.step('the corrected file: a clean dry run, then the import', async () => {
		await imports.dryRun({ conditions: clean.conditions });
		await expect(imports.report).toHaveText('Dry run: no problems found');
		expect((await imports.counts()).subjects).toEqual([3, 0, 0]);
		await imports.apply();
		expect(count(freshServer, 'SELECT count(*) AS n FROM subjects')).toBe(3);
		expect(count(freshServer, 'SELECT count(*) AS n FROM orders')).toBe(3);
	});

	await test.step('importing the same files again changes nothing', async () => {
		await imports.open(TEAM);
		await imports.dryRun(clean);
		await expect(imports.report).toHaveText('Dry run: no problems found');
		await expectNoChange(imports);
	});

	const supervisor = await (await browser.newContext()).newPage();
	const station = new StationSubjectPage(supervisor);
	await test.step('the supervisor assigns the subject, varies the order and draws a zone', async () => {
		await new LoginPage(supervisor).signInFirstTime(
			SUPERVISOR.username,
			SUPERVISOR.first,
			SUPERVISOR.own
		);
		await expect(supervisor).toHaveURL(/\/station$/);
		await station.find('BED-S-1001', NAME);
		const subjectId = supervisor.url().split('/').pop()!;
		const { officers } = (await (await supervisor.request.get('/api/officers')).json()) as {
			officers: { id: string; username: string }[];
		};
		const officer = officers.find((o) => o.username === OFFICERS[0]!.username)!;
		const assigned = await supervisor.request.post('/api/assignments', {
			data: {
				subjectId,
				officerId: officer.id,
				date: operationalDay(new Date()),
				operation: 'Op Intake',
				priority: 1
			}
		});
		expect(assigned.status()).toBe(201);

		await createProtectedPerson(supervisor, 'PP-7K2Q9', PREMISES);
		await station.find('BED-S-1001', NAME);
		await expect(station.order('DAPO-2026-0101')).toContainText('version 1');
		const form = await station.startVariation('DAPO-2026-0101');
		await station.addDrawnCircle(
			form,
			'Bedford town centre',
			'Must not enter Bedford town centre as shown on the map attached to the variation.'
		);
		await station.addPremisesZone(
			form,
			'PP-7K2Q9',
			'Must not go within 200 metres of the premises named in the variation.'
		);
		await form.getByRole('button', { name: 'Save' }).click();
		await expect(supervisor.getByRole('status')).toHaveText('Variation saved as a new version');
		await expect(station.order('DAPO-2026-0101')).toContainText('version 2');
		await expect(station.order('DAPO-2026-0101')).toContainText('Bedford town centre');
		expect(count(freshServer, 'SELECT count(*) AS n FROM order_versions')).toBe(4);
		expect(count(freshServer, 'SELECT count(*) AS n FROM protected_persons')).toBe(1);
	});

	await test.step('an officer signs in, downloads the caseload and sees version 2', async () => {
		const officer = await (await browser.newContext()).newPage();
		const o = OFFICERS[0]!;
		await new LoginPage(officer).signInFirstTime(o.username, o.first, o.own);
		const caseload = new CaseloadPage(officer);
		await caseload.waitUntilReadyForOffline();
		expect(await caseload.names()).toEqual([NAME]);
		await caseload.open(NAME);
		const subject = new SubjectPage(officer);
		await subject.expectLoaded(NAME);
		const order = subject.orders.filter({ hasText: 'DAPO-2026-0101' });
		await expect(order).toContainText('version 2');
		await expect(
			order.getByTestId('condition').filter({ hasText: 'Bedford town centre' })
		).toBeVisible();
		// The zone around the protected premises is there, without the premises themselves.
		await expect(order.getByTestId('condition')).toHaveCount(6);
		await expect(officer.locator('body')).not.toContainText(PREMISES.line1);
		await officer.context().close();
	});

	await test.step('a reset password holds after a reload and on every screen until changed', async () => {
		const o = OFFICERS[1]!;
		await new UsersPage(admin).open();
		await resetPassword(admin, o.username, 'temporary reset 71');
		const officer = await (await browser.newContext()).newPage();
		const login = new LoginPage(officer);
		await login.signIn(o.username, 'temporary reset 71');
		const form = officer.getByRole('heading', { name: 'Choose a new password' });
		await expect(form).toBeVisible();
		await officer.reload();
		await expect(form).toBeVisible();
		await officer.goto('/');
		await expect(officer).toHaveURL(/\/login$/);
		await expect(form).toBeVisible();
		const refused = await officer.request.get('/api/caseload');
		expect(refused.status()).toBe(403);
		expect(((await refused.json()) as { error: { code: string } }).error.code).toBe(
			'password-change-required'
		);
		await login.choosePassword(o.own);
		await expect(officer.getByTestId('ready-offline')).toBeVisible();
		expect((await officer.request.get('/api/me')).status()).toBe(200);
		await officer.context().close();
	});

	await test.step('the station’s export, variation and drawn zone included, imports as no change', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'fieldcheck-export-'));
		const exported: Record<string, string> = {};
		for (const file of ['subjects', 'addresses', 'orders', 'conditions']) {
			const res = await admin.request.get(`/api/admin/export/${file}.csv`);
			expect(res.status()).toBe(200);
			exported[file] = join(dir, `${file}.csv`);
			writeFileSync(exported[file]!, await res.body());
		}
		await imports.open(TEAM);
		await imports.dryRun(exported);
		await expect(imports.report).toHaveText('Dry run: no problems found');
		await expectNoChange(imports);
	});
});
