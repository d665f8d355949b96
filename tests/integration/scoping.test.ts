import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseloadPage } from '$lib/domain/caseload';
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
