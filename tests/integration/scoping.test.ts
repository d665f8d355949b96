import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseloadPage } from '$lib/domain/caseload';
import { userOfNewTeam, userOfTeam } from './admin-helpers';
import { DEMO, TestClient } from './client';
import { startServer, type RunningServer } from './server';
import { twoOfficers } from './sync-helpers';

let server: RunningServer;
let officerA: TestClient;
let pageA: CaseloadPage;
let pageB: CaseloadPage;

beforeAll(async () => {
	server = await startServer();
	const [a, b] = await twoOfficers(server.url);
	officerA = a.client;
	pageA = a.page;
	pageB = b.page;
});
afterAll(() => server.dispose());

describe('roles and scoping', () => {
	it('gives each officer only their own assigned subjects', async () => {
		expect(pageA.bundles.length).toBeGreaterThan(0);
		expect(pageB.bundles.length).toBeGreaterThan(0);
		const idsA = new Set(pageA.bundles.map((b) => b.subject.id));
		for (const b of pageB.bundles) expect(idsA.has(b.subject.id)).toBe(false);
		const meA = (await officerA.json<{ user: { id: string } }>('/api/me')).body.user.id;
		for (const b of pageA.bundles) expect(b.assignment.officerId).toBe(meA);
	});

	it('does not let officer A read officer B’s subject by any route', async () => {
		const foreign = pageB.bundles[0]!.subject.id;
		const direct = await officerA.json(`/api/subjects/${foreign}`);
		expect(direct.status).toBe(404);
		const own = await officerA.json(`/api/subjects/${pageA.bundles[0]!.subject.id}`);
		expect(own.status).toBe(200);
		// The feed cannot be widened by query tricks.
		const tricks = ['?officerId=' + foreign, '?limit=2000&cursor=c1.0'];
		for (const q of tricks) {
			const res = await officerA.json<CaseloadPage>('/api/caseload' + q);
			if (res.status === 200) {
				const ids = res.body.bundles.map((b) => b.subject.id);
				expect(ids).not.toContain(foreign);
			} else {
				expect(res.status).toBe(400);
			}
		}
	});

	it('keeps supervisor and administrator routes from officers (403)', async () => {
		// Officers may read the roster (to name a second officer) but not the assignments.
		expect((await officerA.json('/api/officers')).status).toBe(200);
		expect((await officerA.json('/api/assignments')).status).toBe(403);
		const res = await officerA.post('/api/assignments', {
			subjectId: pageB.bundles[0]!.subject.id,
			officerId: pageB.bundles[0]!.assignment.officerId,
			date: '2026-11-27',
			operation: null,
			priority: 1
		});
		expect(res.status).toBe(403);
		expect(
			(
				await officerA.fetch(`/api/assignments/${pageB.bundles[0]!.assignment.id}`, {
					method: 'DELETE'
				})
			).status
		).toBe(403);
	});

	it('keeps the caseload feed for officers: staff get 403', async () => {
		const sergeant = new TestClient(server.url);
		await sergeant.signIn(...DEMO.sergeant);
		expect((await sergeant.json('/api/caseload')).status).toBe(403);
		expect((await sergeant.json('/api/officers')).status).toBe(200);
		const admin = new TestClient(server.url);
		await admin.signIn(...DEMO.admin);
		expect((await admin.json('/api/assignments')).status).toBe(200);
	});
});

describe('team scope of the roster and assignments', () => {
	let sergeant: TestClient;
	let otherSupervisor: TestClient;
	let otherOfficer: TestClient;
	let otherOfficerId: string;

	beforeAll(async () => {
		const admin = new TestClient(server.url);
		await admin.signIn(...DEMO.admin);
		sergeant = new TestClient(server.url);
		await sergeant.signIn(...DEMO.sergeant);
		const other = await userOfNewTeam(admin, 'Dunstable team', 'sgt-dunstable');
		otherSupervisor = other.client;
		({ client: otherOfficer, id: otherOfficerId } = await userOfTeam(
			admin,
			other.teamId,
			'pc-dunstable',
			'officer'
		));
	});

	const ids = async (client: TestClient) =>
		(await client.json<{ officers: { id: string }[] }>('/api/officers')).body.officers.map(
			(o) => o.id
		);

	it('gives each user the officers of their own team only (an administrator every team)', async () => {
		const demo = pageA.bundles[0]!.assignment.officerId;
		expect(await ids(otherSupervisor)).toEqual([otherOfficerId]);
		expect(await ids(otherOfficer)).toEqual([otherOfficerId]);
		expect(await ids(sergeant)).toContain(demo);
		expect(await ids(sergeant)).not.toContain(otherOfficerId);
		const admin = new TestClient(server.url);
		await admin.signIn(...DEMO.admin);
		expect(await ids(admin)).toEqual(expect.arrayContaining([demo, otherOfficerId]));
	});

	it('lists, makes and ends assignments only within the team; another team’s ids are 404', async () => {
		const demo = pageA.bundles[0]!;
		const count = async () =>
			(
				await server.db.query<{ n: number }>(
					'SELECT count(*) AS n FROM assignments WHERE active = 1'
				)
			)[0]!.n;
		const before = Number(await count());
		const list = await otherSupervisor.json<{ assignments: unknown[] }>('/api/assignments');
		expect(list.status).toBe(200);
		expect(list.body.assignments).toEqual([]);
		const byOfficer = await otherSupervisor.json(
			`/api/assignments?officerId=${demo.assignment.officerId}`
		);
		expect(byOfficer.status).toBe(404);
		const body = { date: '2026-11-27', operation: null, priority: 1 };
		const theirOfficer = await otherSupervisor.post('/api/assignments', {
			...body,
			subjectId: demo.subject.id,
			officerId: demo.assignment.officerId
		});
		expect(theirOfficer.status).toBe(404);
		const theirSubject = await otherSupervisor.post('/api/assignments', {
			...body,
			subjectId: demo.subject.id,
			officerId: otherOfficerId
		});
		expect(theirSubject.status).toBe(404);
		const end = await otherSupervisor.fetch(`/api/assignments/${demo.assignment.id}`, {
			method: 'DELETE'
		});
		expect(end.status).toBe(404);
		// Nor the subject or its orders by the older routes.
		expect((await otherSupervisor.json(`/api/subjects/${demo.subject.id}`)).status).toBe(404);
		const order = demo.orders[0]!;
		const status = await otherSupervisor.post(`/api/orders/${order.id}/status`, {
			status: 'varied'
		});
		expect(status.status).toBe(404);
		// The sergeant of that team may (the sergeant reads and lists, nothing changes).
		expect((await sergeant.json(`/api/subjects/${demo.subject.id}`)).status).toBe(200);
		const own = await sergeant.json<{ assignments: { officerId: string }[] }>('/api/assignments');
		expect(own.body.assignments.length).toBeGreaterThan(0);
		expect(own.body.assignments.every((a) => a.officerId !== otherOfficerId)).toBe(true);
		expect(Number(await count())).toBe(before);
	});

	it('refuses officers (403) on assignments, whatever the team', async () => {
		expect((await otherOfficer.json('/api/assignments')).status).toBe(403);
		const res = await otherOfficer.post('/api/assignments', {
			subjectId: pageA.bundles[0]!.subject.id,
			officerId: otherOfficerId,
			date: '2026-11-27',
			operation: null,
			priority: 1
		});
		expect(res.status).toBe(403);
	});
});
