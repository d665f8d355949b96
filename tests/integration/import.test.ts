import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, TestClient } from './client';
import { clean, example, importFiles } from './import-helpers';
import { startServer, type RunningServer } from './server';

let server: RunningServer;
let admin: TestClient;
let teamId: string;

/** Everything an import could write: unchanged counts mean the database is unchanged. */
async function snapshot() {
	const tables = [
		'subjects',
		'addresses',
		'orders',
		'order_versions',
		'record_refs',
		'record_changes'
	];
	const out: Record<string, number> = {};
	for (const t of tables) {
		const [row] = await server.db.query<{ n: number }>(`SELECT count(*) AS n FROM ${t}`);
		out[t] = Number(row!.n);
	}
	const [seq] = await server.db.query<{ value: number }>(
		"SELECT value FROM counters WHERE name = 'change'"
	);
	out.seq = Number(seq!.value);
	return out;
}

beforeAll(async () => {
	// Room for the 50 MB file to reach the import's own limit rather than adapter-node's.
	server = await startServer({ BODY_SIZE_LIMIT: '60M' });
	admin = new TestClient(server.url);
	await admin.signIn(...DEMO.admin);
	const team = await admin.post('/api/admin/teams', { name: 'Import team' });
	teamId = (team.body as { team: { id: string } }).team.id;
});
afterAll(() => server.dispose());

describe('import errors: a clear message each, and nothing written', () => {
	const cases: [string, Record<string, Uint8Array | string>, RegExp][] = [
		[
			'wrong encoding',
			{
				subjects: Buffer.from(
					'subject_ref,given_name,family_name,date_of_birth,risk\nS1,Zo\xeb,X,01/01/1990,high\n',
					'latin1'
				)
			},
			/not UTF-8/
		],
		[
			'wrong delimiter',
			{
				subjects: 'subject_ref;given_name;family_name;date_of_birth;risk\nS1;A;B;01/01/1990;high\n'
			},
			/semicolons: use commas/
		],
		[
			'missing column',
			{ subjects: 'subject_ref,given_name,family_name,risk\nS1,A,B,high\n' },
			/"date_of_birth" is missing/
		],
		[
			'duplicate references',
			{
				subjects:
					'subject_ref,given_name,family_name,date_of_birth,risk\nS1,A,B,01/01/1990,high\nS1,C,D,02/01/1990,high\n'
			},
			/also on row 2/
		],
		[
			'order for an unknown subject',
			{ orders: 'order_ref,subject_ref,type,issuer,starts\nO1,NOPE,DAPO,Court,01/01/2026\n' },
			/unknown subject/
		],
		[
			'unknown condition type',
			{ conditions: 'condition_ref,order_ref,type,wording\nC1,O1,telepathy,x\n' },
			/"telepathy" is not a condition type/
		],
		[
			'time 25:00',
			{
				conditions:
					'condition_ref,order_ref,type,wording,address_ref,start,end\nC1,O1,curfew,x,A1,25:00,07:00\n'
			},
			/"25:00" is not a time of day/
		],
		[
			'unclosed polygon',
			{
				conditions:
					'condition_ref,order_ref,type,wording,zone_label,zone_polygon\nC1,O1,exclusion-zone,x,Z,"POLYGON((-0.42 51.87, -0.41 51.87, -0.41 51.88))"\n'
			},
			/does not close/
		],
		[
			'coordinates outside the UK',
			{
				addresses:
					'address_ref,subject_ref,kind,line1,town,postcode,lat,lon\nA1,S1,home,1 Road,Town,MK40 1AA,48.85,2.35\n'
			},
			/outside the UK/
		],
		[
			'US month-first date',
			{
				subjects: 'subject_ref,given_name,family_name,date_of_birth,risk\nS1,A,B,12/31/1990,high\n'
			},
			/day\/month\/year \(UK, day first\)/
		],
		[
			'date in another format',
			{
				subjects: 'subject_ref,given_name,family_name,date_of_birth,risk\nS1,A,B,31 Dec 1990,high\n'
			},
			/use DD\/MM\/YYYY/
		]
	];
	for (const [name, files, message] of cases) {
		it(name, async () => {
			const before = await snapshot();
			for (const mode of ['dry-run', 'apply'] as const) {
				const res = await importFiles(admin, teamId, files, mode);
				expect(res.status).toBe(422);
				expect(res.body.ok).toBe(false);
				expect(res.body.issues.map((i) => i.problem).join('\n')).toMatch(message);
			}
			expect(await snapshot()).toEqual(before);
		});
	}

	it('a 50 MB file', async () => {
		const before = await snapshot();
		const big = new Uint8Array(50 * 1024 * 1024).fill(0x61);
		const form = new FormData();
		form.append('subjects', new Blob([big]), 'subjects.csv');
		const res = await admin.json<{ error: { code: string; message: string } }>(
			`/api/admin/import?mode=dry-run&teamId=${teamId}`,
			{ method: 'POST', headers: { origin: server.url }, body: form }
		);
		expect(res.status).toBe(413);
		expect(res.body.error.message).toMatch(/limit is 20 MB per file/);
		expect(await snapshot()).toEqual(before);
	});

	it('names each bad row of the example file with errors, and writes nothing', async () => {
		const before = await snapshot();
		const res = await importFiles(
			admin,
			teamId,
			{ ...clean(), conditions: example('conditions-with-errors.csv') },
			'apply'
		);
		expect(res.status).toBe(422);
		const rows = new Set(res.body.issues.map((i) => `${i.file}:${i.row}:${i.column}`));
		for (const r of [
			'conditions:3:zone_lat',
			'conditions:4:start',
			'conditions:5:type',
			'conditions:6:zone_polygon',
			'conditions:8:null',
			'conditions:9:order_ref'
		]) {
			expect(rows, r).toContain(r);
		}
		expect(await snapshot()).toEqual(before);
	});
});

describe('a clean import', () => {
	it('dry-runs, applies, and a re-import changes nothing', async () => {
		const before = await snapshot();
		const dry = await importFiles(admin, teamId, clean());
		expect(dry.status).toBe(200);
		expect(dry.body.counts.subjects).toEqual({ create: 3, update: 0, unchanged: 0 });
		expect(dry.body.counts.conditions!.create).toBe(8);
		expect(await snapshot()).toEqual(before);
		const applied = await importFiles(admin, teamId, clean(), 'apply');
		expect(applied.body.applied).toBe(true);
		const after = await snapshot();
		expect(after.subjects).toBe(before.subjects! + 3);
		const again = await importFiles(admin, teamId, clean(), 'apply');
		expect(again.body.counts.subjects).toEqual({ create: 0, update: 0, unchanged: 3 });
		expect(again.body.counts.orders).toEqual({ create: 0, update: 0, unchanged: 3 });
		expect(await snapshot()).toEqual(after);
	});

	it('round-trips: export → import changes nothing', async () => {
		const files: Record<string, string> = {};
		for (const f of ['subjects', 'addresses', 'orders', 'conditions']) {
			const res = await admin.fetch(`/api/admin/export/${f}.csv`);
			expect(res.status).toBe(200);
			files[f] = await res.text();
		}
		expect(files.subjects).toContain('BED-S-1001');
		const before = await snapshot();
		const res = await importFiles(admin, teamId, files, 'apply');
		expect(res.status).toBe(200);
		for (const kind of ['subjects', 'addresses', 'orders', 'conditions']) {
			expect(res.body.counts[kind]!.create + res.body.counts[kind]!.update, kind).toBe(0);
		}
		expect(await snapshot()).toEqual(before);
	});

	it('exports records made on screen under a stable generated reference, and re-imports them as no change', async () => {
		const made = await admin.post('/api/admin/subjects', {
			givenName: 'Screen',
			familyName: 'Madeup',
			aliases: [],
			dateOfBirth: '1990-05-06',
			risk: 'medium',
			warnings: [],
			wanted: null,
			reference: null,
			teamId,
			addresses: [
				{
					id: '5b0d7f2e-1c1a-4c7e-9a55-0c1d2e3f4a5b',
					kind: 'home',
					lines: ['9 Invented Row'],
					town: 'Sandy',
					postcode: 'SG19 1ZZ',
					location: { lat: 52.1286, lon: -0.2884 },
					accessNotes: ''
				}
			]
		});
		expect(made.status).toBe(201);
		const subjectId = (made.body as { subject: { id: string } }).subject.id;
		const order = await admin.post(`/api/admin/subjects/${subjectId}/orders`, {
			type: 'DVPN',
			issuer: 'Bedfordshire Police',
			reference: 'DVPN-SCREEN-1',
			startsAt: '2026-11-30T00:00:00.000Z',
			expiresAt: null,
			conditions: [
				{
					id: '6c1e8a3f-2d2b-4d8f-8b66-1d2e3f4a5b6c',
					type: 'exclusion-zone',
					wording: 'Must not enter the zone drawn on the map.',
					label: 'Sandy market square',
					zone: { shape: 'circle', center: { lat: 52.1301, lon: -0.2912 }, radiusM: 150 },
					protectedPremises: false
				}
			]
		});
		expect(order.status).toBe(201);
		const exportAll = async () => {
			const files: Record<string, string> = {};
			for (const f of ['subjects', 'addresses', 'orders', 'conditions']) {
				files[f] = await (await admin.fetch(`/api/admin/export/${f}.csv`)).text();
			}
			return files;
		};
		const first = await exportAll();
		expect(first.subjects).toContain(`FC-${subjectId},Screen,Madeup`);
		expect(first.conditions).toContain('FC-6c1e8a3f-2d2b-4d8f-8b66-1d2e3f4a5b6c');
		const before = await snapshot();
		const res = await importFiles(admin, teamId, first, 'apply');
		expect(res.status).toBe(200);
		for (const kind of ['subjects', 'addresses', 'orders', 'conditions']) {
			expect(res.body.counts[kind]!.create + res.body.counts[kind]!.update, kind).toBe(0);
		}
		expect(await snapshot()).toEqual(before);
		// The generated references stay: a second export names the same records the same way.
		expect(await exportAll()).toEqual(first);
	});
});

describe('a confirmed import after its dry run', () => {
	const subjects = (refs: string[]) =>
		'subject_ref,given_name,family_name,date_of_birth,risk\n' +
		refs.map((r, i) => `${r},Given${i},Family${i},0${i + 1}/02/1990,medium\n`).join('');

	it('plans again when the caseload changed in between, and writes what is true then', async () => {
		const files = { subjects: subjects(['H9-R-1', 'H9-R-2', 'H9-R-3']) };
		const dry = await importFiles(admin, teamId, files);
		expect(dry.body.counts.subjects).toEqual({ create: 3, update: 0, unchanged: 0 });
		// Meanwhile a subject with one of those references is made on screen.
		const made = await admin.post('/api/admin/subjects', {
			givenName: 'Screen',
			familyName: 'Between',
			aliases: [],
			dateOfBirth: '1991-01-01',
			risk: 'high',
			warnings: [],
			wanted: null,
			reference: 'H9-R-2',
			teamId,
			addresses: []
		});
		expect(made.status).toBe(201);
		const before = await snapshot();
		const applied = await importFiles(admin, teamId, files, 'apply');
		expect(applied.status).toBe(200);
		expect(applied.body.counts.subjects).toEqual({ create: 2, update: 1, unchanged: 0 });
		const after = await snapshot();
		expect(after.subjects).toBe(before.subjects! + 2);
		expect(after.record_refs).toBe(before.record_refs! + 2);
	});

	it('checks files other than the ones dry-run, and writes nothing when they are wrong', async () => {
		const dry = await importFiles(admin, teamId, { subjects: subjects(['H9-R-4']) });
		expect(dry.status).toBe(200);
		const before = await snapshot();
		const other = await importFiles(
			admin,
			teamId,
			{ subjects: subjects(['H9-R-4']).replace('medium', 'severe') },
			'apply'
		);
		expect(other.status).toBe(422);
		expect(other.body.issues.map((i) => i.problem).join('\n')).toMatch(/"severe" is not one of/);
		expect(await snapshot()).toEqual(before);
	});

	it('writes the reviewed plan once: the same files sent again are an unchanged re-import', async () => {
		const files = { subjects: subjects(['H9-R-5', 'H9-R-6']) };
		expect((await importFiles(admin, teamId, files)).status).toBe(200);
		const first = await importFiles(admin, teamId, files, 'apply');
		expect(first.body.counts.subjects).toEqual({ create: 2, update: 0, unchanged: 0 });
		const after = await snapshot();
		const again = await importFiles(admin, teamId, files, 'apply');
		expect(again.body.counts.subjects).toEqual({ create: 0, update: 0, unchanged: 2 });
		expect(await snapshot()).toEqual(after);
	});
});
