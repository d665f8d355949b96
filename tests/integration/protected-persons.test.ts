import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseloadPage } from '$lib/domain/caseload';
import type { Order } from '$lib/domain/order';
import type { ProtectedPerson } from '$lib/domain/protected-person';
import { userOfNewTeam } from './admin-helpers';
import { DEMO, TestClient } from './client';
import { startServer, type RunningServer } from './server';

let server: RunningServer;
let sergeant: TestClient;
let officer: TestClient;
let otherSupervisor: TestClient;

const premises = {
	lines: ['12 Nowhere Mews'],
	town: 'Ampthill',
	postcode: 'MK45 9ZZ',
	location: { lat: 52.02731, lon: -0.49517 }
};

beforeAll(async () => {
	server = await startServer();
	const admin = new TestClient(server.url);
	await admin.signIn(...DEMO.admin);
	sergeant = new TestClient(server.url);
	await sergeant.signIn(...DEMO.sergeant);
	officer = new TestClient(server.url);
	await officer.signIn(...DEMO.officer1);
	({ client: otherSupervisor } = await userOfNewTeam(admin, 'Biggleswade team', 'sgt-biggleswade'));
});
afterAll(() => server.dispose());

const count = async (sql: string) => Number((await server.db.query<{ n: number }>(sql))[0]!.n);

describe('protected persons', () => {
	it('are created by reference only, with premises, and audited', async () => {
		const named = await sergeant.post('/api/admin/protected-persons', {
			reference: 'PP-NAME1',
			teamId: null,
			premises: null,
			name: 'Someone'
		});
		expect(named.status).toBe(400);
		const made = await sergeant.post('/api/admin/protected-persons', {
			reference: 'PP-AMPT1',
			teamId: null,
			premises
		});
		expect(made.status).toBe(201);
		expect(
			await count("SELECT count(*) AS n FROM record_changes WHERE entity = 'protected-person'")
		).toBe(1);
		expect(
			await count("SELECT count(*) AS n FROM audit WHERE action = 'protected-person-create'")
		).toBe(1);
		const again = await sergeant.post('/api/admin/protected-persons', {
			reference: 'PP-AMPT1',
			teamId: null,
			premises: null
		});
		expect(again.status).toBe(409);
		const list = await sergeant.json<{ protectedPersons: ProtectedPerson[] }>(
			'/api/admin/protected-persons'
		);
		expect(list.body.protectedPersons.map((p) => p.reference)).toEqual(['PP-AMPT1']);
		expect(list.body.protectedPersons[0]!.premises).toEqual(premises);
	});

	it('are edited with the old and new version kept', async () => {
		const moved = { ...premises, lines: ['14 Nowhere Mews'] };
		const res = await sergeant.post(
			'/api/admin/protected-persons/PP-AMPT1',
			{ reference: 'PP-AMPT1', teamId: null, premises: moved },
			'PUT'
		);
		expect(res.status).toBe(200);
		const [change] = await server.db.query<{ before: string; after: string }>(
			"SELECT before, after FROM record_changes WHERE entity = 'protected-person' AND action = 'update'"
		);
		expect(JSON.parse(change!.before).premises.lines).toEqual(['12 Nowhere Mews']);
		expect(JSON.parse(change!.after).premises.lines).toEqual(['14 Nowhere Mews']);
	});

	it('are hidden from another team (404) and refused to officers (403)', async () => {
		expect((await otherSupervisor.json('/api/admin/protected-persons/PP-AMPT1')).status).toBe(404);
		const put = await otherSupervisor.post(
			'/api/admin/protected-persons/PP-AMPT1',
			{ reference: 'PP-AMPT1', teamId: null, premises: null },
			'PUT'
		);
		expect(put.status).toBe(404);
		const list = await otherSupervisor.json<{ protectedPersons: unknown[] }>(
			'/api/admin/protected-persons'
		);
		expect(list.body.protectedPersons).toEqual([]);
		expect((await officer.json('/api/admin/protected-persons')).status).toBe(403);
		expect((await officer.json('/api/admin/protected-persons/PP-AMPT1')).status).toBe(403);
		const post = await officer.post('/api/admin/protected-persons', {
			reference: 'PP-OFFR1',
			teamId: null,
			premises
		});
		expect(post.status).toBe(403);
	});

	it('lends a zone around their premises to an order; the officer gets a covering circle only', async () => {
		const page = (await officer.json<CaseloadPage>('/api/caseload')).body;
		const b = page.bundles.find((x) => x.orders.some((o) => o.status === 'active'))!;
		const order = b.orders.find((o) => o.status === 'active')!;
		const { id: _i, subjectId: _s, status: _st, version: _v, ...input } = order;
		const zone = { shape: 'circle', center: premises.location, radiusM: 200 };
		const varied = await sergeant.post(`/api/admin/orders/${order.id}/versions`, {
			...input,
			conditions: [
				...input.conditions,
				{
					id: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
					type: 'exclusion-zone',
					wording: 'Must not go within 200 metres of the premises named in the order.',
					label: 'Protected premises',
					zone,
					protectedPremises: true
				}
			]
		});
		expect(varied.status).toBe(201);
		// The station holds the true zone.
		const staff = await sergeant.json<{ orders: Order[] }>(`/api/admin/subjects/${b.subject.id}`);
		const held = staff.body.orders.find((o) => o.id === order.id)!.conditions.at(-1)!;
		expect(held).toMatchObject({ zone });
		// The officer's device gets a wider circle elsewhere, and nothing of the premises.
		const res = await officer.fetch('/api/caseload');
		const text = await res.text();
		expect(text).not.toContain('Nowhere Mews');
		expect(text).not.toContain(String(premises.location.lat));
		const pulled = (JSON.parse(text) as CaseloadPage).bundles
			.find((x) => x.subject.id === b.subject.id)!
			.orders.find((o) => o.id === order.id)!
			.conditions.at(-1)!;
		expect(pulled.type).toBe('exclusion-zone');
		if (pulled.type !== 'exclusion-zone' || pulled.zone.shape !== 'circle')
			throw new Error('circle');
		expect(pulled.zone.radiusM).toBeGreaterThan(200);
		expect(pulled.zone.center).not.toEqual(premises.location);
	});
});
