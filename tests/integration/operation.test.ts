import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseloadPageSchema } from '$lib/domain/caseload';
import { dashboardSchema } from '$lib/domain/operation/dashboard';
import { operationalDay, operationalDayWindow } from '$lib/domain/operation/operational-day';
import { planningListSchema } from '$lib/domain/operation/plan';
import { resultsCsvColumns } from '$lib/domain/operation/results-csv';
import { followUpListSchema, visitRecordSchema } from '$lib/domain/operation/visit-record';
import { userOfNewTeam } from './admin-helpers';
import { DEMO, TestClient } from './client';
import { startServer, type RunningServer } from './server';
import { mutations, officerOf, pushAs, visitFor, type Officer } from './sync-helpers';

let server: RunningServer;
let sergeant: TestClient;
let officer1: Officer;
/**
 * The operational day the server seeds its assignments for at start (src/lib/server/startup.ts).
 * Not the day of a visit started 15 minutes ago: from 07:00 to 07:15 those are different days.
 */
const today = operationalDay(new Date());

/** A visit's times inside today's operational day, even in its first minutes. */
function timesToday(): { startedAt: string; finishedAt: string } {
	const dayStart = operationalDayWindow(today).start.getTime();
	const started = Math.max(Date.now() - 15 * 60_000, dayStart + 1_000);
	const finished = Math.max(Date.now() - 5 * 60_000, started + 1_000);
	return {
		startedAt: new Date(started).toISOString(),
		finishedAt: new Date(finished).toISOString()
	};
}
const ID = randomUUID();
let breachVisitId = '';

/** Every station route of the operation, with a body where it takes one. */
const routes: { method: 'GET' | 'POST'; path: string; body?: unknown }[] = [
	{ method: 'GET', path: `/api/operation/plan?date=${today}&shift=night` },
	{ method: 'POST', path: '/api/operation/assign', body: {} },
	{ method: 'POST', path: '/api/operation/unassign', body: {} },
	{ method: 'POST', path: '/api/operation/auto-plan', body: {} },
	{ method: 'GET', path: `/api/operation/dashboard?date=${today}` },
	{ method: 'GET', path: `/api/operation/visits/${ID}` },
	{ method: 'POST', path: `/api/operation/visits/${ID}/review`, body: { comment: 'x' } },
	{ method: 'GET', path: '/api/operation/follow-ups' },
	{ method: 'POST', path: `/api/operation/follow-ups/${ID}`, body: { note: 'x' } },
	{ method: 'GET', path: `/api/operation/photos/${ID}` },
	{ method: 'GET', path: `/api/operation/export.csv?from=${today}&to=${today}` },
	{ method: 'GET', path: `/api/operation/briefing?date=${today}&shift=night` }
];

const call = (c: TestClient, r: (typeof routes)[number]) =>
	r.method === 'GET'
		? c.fetch(r.path)
		: c.fetch(r.path, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify(r.body)
			});

beforeAll(async () => {
	server = await startServer();
	sergeant = new TestClient(server.url);
	await sergeant.signIn(...DEMO.sergeant);
	const c = new TestClient(server.url);
	await c.signIn(...DEMO.officer1);
	officer1 = await officerOf(c);
});
afterAll(() => server.dispose());

describe('operation routes: who may call them', () => {
	it('refuses the signed-out (401) and officers (403) on every route', async () => {
		const anonymous = new TestClient(server.url);
		for (const r of routes) {
			expect((await call(anonymous, r)).status, r.path).toBe(401);
			expect((await call(officer1.client, r)).status, r.path).toBe(403);
		}
	});

	it('lets supervisors and administrators of the team read the plan', async () => {
		const admin = new TestClient(server.url);
		await admin.signIn(...DEMO.admin);
		for (const c of [sergeant, admin]) {
			const res = await c.json(`/api/operation/plan?date=${today}&shift=night`);
			expect(res.status).toBe(200);
			expect(planningListSchema.parse(res.body).rows).toHaveLength(60);
		}
	});
});

describe('assignments move', () => {
	it('moves a subject to a double crew: the first officer loses it, both crew members get it', async () => {
		const subjectId = officer1.page.bundles[0]!.subject.id;
		const plan = planningListSchema.parse(
			(await sergeant.json(`/api/operation/plan?date=${today}&shift=night`)).body
		);
		const [a, b] = plan.officers.filter((o) => o.id !== officer1.id);
		const res = await sergeant.post('/api/operation/assign', {
			subjectIds: [subjectId],
			officerId: a!.id,
			secondOfficerId: b!.id,
			date: today,
			shift: 'night',
			priority: 1,
			operation: 'Op Lantern',
			plannedArrivals: null,
			plannedMinutes: null
		});
		expect(res.status).toBe(201);
		const next = await officer1.client.json<{ removed: { subjectIds: string[] } }>(
			`/api/caseload?cursor=${encodeURIComponent(officer1.page.cursor)}`
		);
		expect(next.body.removed.subjectIds).toContain(subjectId);
		const after = planningListSchema.parse(
			(await sergeant.json(`/api/operation/plan?date=${today}&shift=night`)).body
		);
		const row = after.rows.find((r) => r.subjectId === subjectId)!;
		expect(row.assignment).toMatchObject({
			officerId: a!.id,
			secondOfficerId: b!.id,
			operation: 'Op Lantern',
			priority: 1
		});
		// Unassigned, it is on nobody's list for the day.
		expect(
			(await sergeant.post('/api/operation/unassign', { subjectIds: [subjectId], date: today }))
				.status
		).toBe(200);
		const gone = planningListSchema.parse(
			(await sergeant.json(`/api/operation/plan?date=${today}&shift=night`)).body
		);
		expect(gone.rows.find((r) => r.subjectId === subjectId)!.assignment).toBeNull();
	});
});

describe('a breach visit through dashboard, review, follow-up and CSV', () => {
	it('shows, reviews and exports it', async () => {
		const bundle = officer1.page.bundles.find((b) =>
			b.orders.some((o) => o.conditions.length > 0)
		)!;
		const n = officer1.page.bundles.indexOf(bundle);
		const order = bundle.orders.find((o) => o.conditions.length > 0)!;
		const condition = order.conditions[0]!;
		const visit = visitFor(officer1, n, {
			...timesToday(),
			result: 'seen',
			checks: [
				{
					orderId: order.id,
					orderVersion: order.version,
					conditionId: condition.id,
					outcome: 'breach',
					notes: 'Found inside the zone'
				}
			],
			actions: {
				arrest: { custodyReference: 'CU/26/0042' },
				wordsOfAdvice: false,
				safeguardingReferral: { consent: true },
				intelligenceSubmitted: false,
				bodyWornVideoRef: null
			}
		});
		breachVisitId = visit.id;
		const device = randomUUID();
		expect((await pushAs(officer1.client, device, mutations([visit]))).status).toBe(200);

		const dash = dashboardSchema.parse(
			(await sergeant.json(`/api/operation/dashboard?date=${today}`)).body
		);
		const point = dash.visits.find((v) => v.visitId === visit.id)!;
		expect(point.breachTypes).toEqual([condition.type]);
		expect(point.arrestRef).toBe('CU/26/0042');
		expect(dash.breachesByType[condition.type]).toBe(1);
		const mine = dash.officers.find((o) => o.officerId === officer1.id)!;
		expect(mine.checks).toBe(1);
		// The first pull recorded when each assignment reached the device.
		expect(
			dash.assignments.filter((a) => a.officerId === officer1.id && a.deliveredAt)
		).not.toHaveLength(0);

		const record = visitRecordSchema.parse(
			(await sergeant.json(`/api/operation/visits/${visit.id}`)).body
		);
		expect(record.checks[0]).toMatchObject({ outcome: 'breach', orderVersion: order.version });
		expect(record.followUp?.dealtWithAt).toBeNull();
		expect(record.distanceFromAddressM).not.toBeNull();
		expect(
			(
				await sergeant.post(`/api/operation/visits/${visit.id}/review`, {
					comment: 'Arrest justified'
				})
			).status
		).toBe(200);
		// The dashboard, read again, knows it is reviewed (it re-reads a day only when it changed).
		const again = dashboardSchema.parse(
			(await sergeant.json(`/api/operation/dashboard?date=${today}`)).body
		);
		expect(point.reviewed).toBe(false);
		expect(again.visits.find((v) => v.visitId === visit.id)?.reviewed).toBe(true);
		const open = await sergeant.json<{ followUps: { visitId: string }[] }>(
			'/api/operation/follow-ups'
		);
		expect(open.body.followUps.map((f) => f.visitId)).toContain(visit.id);
		expect(
			(await sergeant.post(`/api/operation/follow-ups/${visit.id}`, { note: 'Charged' })).status
		).toBe(200);
		expect(
			(await sergeant.post(`/api/operation/follow-ups/${visit.id}`, { note: 'again' })).status
		).toBe(409);

		const csv = await sergeant.fetch(`/api/operation/export.csv?from=${today}&to=${today}`);
		expect(csv.headers.get('content-type')).toContain('text/csv');
		const lines = (await csv.text()).trimEnd().split('\r\n');
		expect(lines[0]).toBe(resultsCsvColumns.join(','));
		const row = lines.find((l) => l.startsWith(visit.id))!;
		const cells = parseCsvLine(row);
		expect(cells[resultsCsvColumns.indexOf('breach')]).toBe('yes');
		expect(cells[resultsCsvColumns.indexOf('arrest_custody_ref')]).toBe('CU/26/0042');
		expect(cells[resultsCsvColumns.indexOf('safeguarding_referral')]).toBe('yes');
		expect(cells[resultsCsvColumns.indexOf('reviewed')]).toBe('yes');
		expect(cells.at(-1)).toBe('Arrest justified');

		// Moved to officer 2, the subject arrives on their device with officer 1's visit: when,
		// by whom and the result, nothing more.
		const officer2 = new TestClient(server.url);
		await officer2.signIn(...DEMO.officer2);
		const me2 = (await officer2.json<{ user: { id: string } }>('/api/me')).body.user.id;
		expect(
			(
				await sergeant.post('/api/operation/assign', {
					subjectIds: [visit.subjectId],
					officerId: me2,
					secondOfficerId: null,
					date: today,
					shift: 'night',
					priority: 2,
					operation: null,
					plannedArrivals: null,
					plannedMinutes: null
				})
			).status
		).toBe(201);
		const page2 = caseloadPageSchema.parse((await officer2.json('/api/caseload?limit=2000')).body);
		const seen = page2.teamVisits?.find((t) => t.subjectId === visit.subjectId);
		expect(seen).toEqual({
			subjectId: visit.subjectId,
			at: visit.startedAt,
			officerName: expect.stringMatching(/^PC /),
			result: 'seen'
		});
	});
});

describe('team scoping', () => {
	it('shows a supervisor of another team none of this team’s subjects, officers or visits', async () => {
		const other = await otherTeamSupervisor();

		const plan = planningListSchema.parse(
			(await other.json(`/api/operation/plan?date=${today}&shift=night`)).body
		);
		expect(plan.rows).toEqual([]);
		expect(plan.officers).toEqual([]);
		expect((await other.json(`/api/operation/visits/${breachVisitId}`)).status).toBe(404);
		const dash = dashboardSchema.parse(
			(await other.json(`/api/operation/dashboard?date=${today}`)).body
		);
		expect(dash.visits).toEqual([]);
		const csv = await (
			await other.fetch(`/api/operation/export.csv?from=${today}&to=${today}`)
		).text();
		expect(csv.trimEnd().split('\r\n')).toHaveLength(1);
		const assign = await other.post('/api/operation/assign', {
			subjectIds: [officer1.page.bundles[1]!.subject.id],
			officerId: officer1.id,
			secondOfficerId: null,
			date: today,
			shift: 'night',
			priority: 1,
			operation: null,
			plannedArrivals: null,
			plannedMinutes: null
		});
		expect(assign.status).toBe(422);
	});
});

/** A supervisor of a second team, created once. */
let otherTeam: TestClient | undefined;
async function otherTeamSupervisor(): Promise<TestClient> {
	if (otherTeam) return otherTeam;
	const admin = new TestClient(server.url);
	await admin.signIn(...DEMO.admin);
	return (otherTeam = (await userOfNewTeam(admin, 'Luton DA team', 'ps-luton')).client);
}

describe('open follow-ups', () => {
	it('lists the team’s open breaches until dealt with, to that team only', async () => {
		const n = officer1.page.bundles.findIndex(
			(b, i) => i >= 2 && b.orders.some((o) => o.conditions.length > 0)
		);
		const bundle = officer1.page.bundles[n]!;
		const order = bundle.orders.find((o) => o.conditions.length > 0)!;
		const visit = visitFor(officer1, n, {
			...timesToday(),
			result: 'seen',
			checks: [
				{
					orderId: order.id,
					orderVersion: order.version,
					conditionId: order.conditions[0]!.id,
					outcome: 'breach',
					notes: 'Seen with the protected person'
				}
			]
		});
		expect((await pushAs(officer1.client, randomUUID(), mutations([visit]))).status).toBe(200);
		const list = async (c: TestClient) =>
			followUpListSchema.parse((await c.json('/api/operation/follow-ups')).body).followUps;
		const openCount = async (c: TestClient) =>
			dashboardSchema.parse((await c.json(`/api/operation/dashboard?date=${today}`)).body)
				.openFollowUps;

		const mine = (await list(sergeant)).find((f) => f.visitId === visit.id);
		expect(mine).toMatchObject({
			subjectId: bundle.subject.id,
			officerName: expect.stringMatching(/^PC /),
			conditionTypes: [order.conditions[0]!.type]
		});
		const before = await openCount(sergeant);
		expect(before).toBe((await list(sergeant)).length);

		// Another team's supervisor neither sees it, nor counts it, nor can close it.
		const other = await otherTeamSupervisor();
		expect(await list(other)).toEqual([]);
		expect(await openCount(other)).toBe(0);
		expect((await other.post(`/api/operation/follow-ups/${visit.id}`, { note: 'x' })).status).toBe(
			404
		);

		expect(
			(await sergeant.post(`/api/operation/follow-ups/${visit.id}`, { note: 'Arrested, charged' }))
				.status
		).toBe(200);
		expect((await list(sergeant)).map((f) => f.visitId)).not.toContain(visit.id);
		expect(await openCount(sergeant)).toBe(before - 1);
		const record = visitRecordSchema.parse(
			(await sergeant.json(`/api/operation/visits/${visit.id}`)).body
		);
		expect(record.followUp).toMatchObject({ note: 'Arrested, charged' });
	});
});

/** Splits one RFC 4180 line (no embedded line breaks in these rows). */
function parseCsvLine(line: string): string[] {
	const cells: string[] = [];
	let cell = '';
	let quoted = false;
	for (let i = 0; i < line.length; i++) {
		const ch = line[i]!;
		if (quoted && ch === '"' && line[i + 1] === '"') {
			cell += '"';
			i++;
		} else if (ch === '"') {
			quoted = !quoted;
		} else if (ch === ',' && !quoted) {
			cells.push(cell);
			cell = '';
		} else {
			cell += ch;
		}
	}
	cells.push(cell);
	return cells;
}
