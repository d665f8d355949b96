import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseloadPage } from '$lib/domain/caseload';
import type { Order } from '$lib/domain/order';
import { userOfNewTeam } from './admin-helpers';
import { DEMO, TestClient } from './client';
import { startServer, type RunningServer } from './server';

let server: RunningServer;
let admin: TestClient;
let sergeant: TestClient;
let officer: TestClient;
let otherSupervisor: TestClient;
let page: CaseloadPage;

beforeAll(async () => {
	server = await startServer();
	admin = new TestClient(server.url);
	await admin.signIn(...DEMO.admin);
	sergeant = new TestClient(server.url);
	await sergeant.signIn(...DEMO.sergeant);
	officer = new TestClient(server.url);
	await officer.signIn(...DEMO.officer1);
	page = (await officer.json<CaseloadPage>('/api/caseload')).body;
	// A supervisor of another team.
	({ client: otherSupervisor } = await userOfNewTeam(admin, 'Luton team', 'sgt-luton'));
});
afterAll(() => server.dispose());

const bundle = () => page.bundles.find((b) => b.orders.length > 0)!;

describe('order versions', () => {
	it('keeps the old version on a variation and sends the new one to the officer', async () => {
		const b = bundle();
		const order = b.orders[0]!;
		const { id: _i, subjectId: _s, status: _st, version: _v, ...input } = order;
		const varied = await sergeant.post(`/api/admin/orders/${order.id}/versions`, {
			...input,
			conditions: input.conditions.map((c, i) =>
				i === 0 ? { ...c, wording: `${c.wording} (varied by the court)` } : c
			)
		});
		expect(varied.status).toBe(201);
		const next = (varied.body as { order: Order }).order;
		expect(next.version).toBe(order.version + 1);
		const history = await sergeant.json<{ versions: { order: Order }[] }>(
			`/api/admin/orders/${order.id}/versions`
		);
		expect(history.body.versions.map((v) => v.order.version)).toEqual([
			order.version,
			order.version + 1
		]);
		expect(history.body.versions[0]!.order.conditions[0]!.wording).toBe(
			order.conditions[0]!.wording
		);
		const pulled = await officer.json<CaseloadPage>(
			`/api/caseload?cursor=${encodeURIComponent(page.cursor)}`
		);
		const seen = pulled.body.bundles.find((x) => x.subject.id === b.subject.id)!;
		expect(seen.orders.find((o) => o.id === order.id)!.version).toBe(order.version + 1);
	});

	it('records discharge with its date', async () => {
		const order = bundle().orders.at(-1)!;
		const res = await sergeant.post(`/api/admin/orders/${order.id}/end`, {
			status: 'discharged',
			date: '2026-11-30'
		});
		expect(res.status).toBe(200);
		expect((res.body as { order: Order }).order.status).toBe('discharged');
	});
});

describe('role and team scoping of the station routes', () => {
	const routes = () => {
		const b = bundle();
		const subjectId = b.subject.id;
		const orderId = b.orders[0]!.id;
		return [
			['GET', '/api/admin/users'],
			['GET', '/api/admin/teams'],
			['GET', '/api/admin/subjects?q=a'],
			['GET', `/api/admin/subjects/${subjectId}`],
			['PUT', `/api/admin/subjects/${subjectId}`],
			['POST', `/api/admin/subjects/${subjectId}/orders`],
			['GET', `/api/admin/orders/${orderId}/versions`],
			['POST', `/api/admin/orders/${orderId}/versions`],
			['POST', `/api/admin/orders/${orderId}/end`],
			['GET', '/api/admin/export/subjects.csv']
		] as const;
	};

	it('refuses officers (403) on every route', async () => {
		for (const [method, path] of [
			...routes(),
			['POST', '/api/admin/import?mode=dry-run&teamId=x'],
			['POST', '/api/admin/teams']
		] as const) {
			const res = await officer.fetch(path, {
				method,
				headers: { 'content-type': 'application/json', origin: server.url },
				body: method === 'GET' ? undefined : '{}'
			});
			expect(res.status, `${method} ${path}`).toBe(403);
		}
	});

	it('hides another team’s subjects and orders from a supervisor (404)', async () => {
		for (const [method, path] of routes().slice(3, 9)) {
			const res = await otherSupervisor.fetch(path, {
				method,
				headers: { 'content-type': 'application/json' },
				body: method === 'GET' ? undefined : JSON.stringify(validBody(path))
			});
			expect(res.status, `${method} ${path}`).toBe(404);
		}
		const search = await otherSupervisor.json<{ subjects: unknown[] }>('/api/admin/subjects');
		expect(search.body.subjects).toEqual([]);
		const own = await sergeant.json<{ subjects: unknown[] }>('/api/admin/subjects');
		expect(own.body.subjects.length).toBeGreaterThan(0);
		// Administrators only.
		expect((await sergeant.json('/api/admin/users')).status).toBe(403);
	});

	function validBody(path: string): unknown {
		const b = bundle();
		const { id: _i, subjectId: _s, status: _st, version: _v, ...order } = b.orders[0]!;
		if (path.endsWith('/end')) return { status: 'expired', date: '2026-11-30' };
		if (path.includes('/orders')) return order;
		const { id: _id, updatedAt: _u, photoUrl: _p, ...subject } = b.subject;
		return {
			...subject,
			reference: null,
			teamId: null,
			addresses: b.addresses.map(({ subjectId: _x, ...a }) => a)
		};
	}
});
