import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, TestClient } from './client';
import { DeviceClient } from './device-helpers';
import { startServer, type RunningServer } from './server';
import {
	count,
	mutations,
	officerOf,
	pushBody,
	query,
	SYNC_SERVER_ENV,
	visitFor,
	type Officer
} from './sync-helpers';

let server: RunningServer;
let one: Officer;
beforeAll(async () => {
	server = await startServer(SYNC_SERVER_ENV);
	const c = new TestClient(server.url);
	await c.signIn(...DEMO.officer1);
	one = await officerOf(c);
});
afterAll(() => server.dispose());

type Err = { error: { code: string } };
const written = () =>
	Promise.all(['visits', 'devices', 'mutation_outcomes', 'photos'].map((t) => count(server, t)));

describe('refused requests write nothing but their audit entry', () => {
	it('refuses a cross-origin state change without a JSON body (a no-cors Blob POST)', async () => {
		const res = await one.client.fetch('/api/auth/logout', {
			method: 'POST',
			headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
			body: new Blob(['x'])
		});
		expect(res.status).toBe(403);
		expect(((await res.json()) as Err).error.code).toBe('cross-origin');
		expect((await one.client.json('/api/me')).status).toBe(200);
	});

	it('accepts the same sign-out from the app itself', async () => {
		const c = new TestClient(server.url);
		await c.signIn(...DEMO.officer3);
		const res = await c.fetch('/api/auth/logout', {
			method: 'POST',
			headers: { origin: server.url, 'sec-fetch-site': 'same-origin' }
		});
		expect(res.status).toBe(200);
	});

	it('refuses duplicate JSON keys', async () => {
		const before = await written();
		const v = visitFor(one);
		const text = JSON.stringify(pushBody(crypto.randomUUID(), mutations([v]))).replace(
			'"officerId":',
			`"officerId":"${crypto.randomUUID()}","officerId":`
		);
		const res = await one.client.post('/api/sync/push', text);
		expect(res.status).toBe(400);
		expect((res.body as Err).error.code).toBe('duplicate-json-key');
		expect(await written()).toEqual(before);
	});

	it('answers an over-limit chunked body with 413, not a reset', async () => {
		const chunk = new Uint8Array(512 * 1024).fill(32);
		let sent = 0;
		const body = new ReadableStream<Uint8Array>({
			pull(controller) {
				if (sent >= 6 * 1024 * 1024) return controller.close();
				sent += chunk.byteLength;
				controller.enqueue(chunk);
			}
		});
		const res = await one.client.fetch('/api/sync/push', {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body,
			duplex: 'half'
		} as RequestInit);
		expect(res.status).toBe(413);
		expect(((await res.json()) as Err).error.code).toBe('body-too-large');
	});

	it.each([
		['finished-before-started', { finishedAt: '2026-11-01T09:00:00.000Z' }],
		[
			'implausible-time',
			{
				startedAt: new Date(Date.now() + 3_600_000).toISOString(),
				finishedAt: new Date(Date.now() + 4_000_000).toISOString()
			}
		],
		['position-missing', { position: null, positionState: 'recorded' as const }],
		['unknown-second-officer', { secondOfficerId: crypto.randomUUID() }]
	])('rejects an implausible visit: %s', async (code, over) => {
		const v = visitFor(one, 0, over);
		const res = await one.client.post(
			'/api/sync/push',
			pushBody(crypto.randomUUID(), mutations([v]))
		);
		expect((res.body as { results: { code: string }[] }).results[0]?.code).toBe(code);
		expect(await count(server, 'visits', 'id = ?', v.id)).toBe(0);
	});

	it("rejects a check against another subject's order", async () => {
		const other = one.page.bundles[1]!.orders[0]!;
		const v = visitFor(one, 0, {
			checks: [
				{
					orderId: other.id,
					orderVersion: other.version,
					conditionId: other.conditions[0]!.id,
					outcome: 'compliant',
					notes: ''
				}
			]
		});
		const res = await one.client.post(
			'/api/sync/push',
			pushBody(crypto.randomUUID(), mutations([v]))
		);
		expect((res.body as { results: { code: string }[] }).results[0]?.code).toBe(
			'check-of-another-subjects-order'
		);
	});

	it('audits refusals (401/403/404) with bounded rows', async () => {
		const stranger = new TestClient(server.url);
		for (let i = 0; i < 30; i++) await stranger.json('/api/caseload');
		const rows = await query<{ count: number }>(
			server,
			"SELECT count FROM audit WHERE action = 'refused' AND outcome = '401' AND detail = 'GET /api/caseload'"
		);
		expect(rows).toHaveLength(1);
		expect(Number(rows[0]!.count)).toBeGreaterThanOrEqual(30);
	});

	it('ends every session of a user who is disabled', async () => {
		const d = new DeviceClient(server.url);
		await d.signInDevice(...DEMO.officer2);
		const admin = new TestClient(server.url);
		await admin.signIn(...DEMO.admin);
		const me = await d.json<{ user: { id: string } }>('/api/me');
		const res = await admin.post(
			`/api/admin/users/${me.body.user.id}`,
			{ disabled: true },
			'PATCH'
		);
		expect(res.status).toBe(200);
		expect(await count(server, 'sessions', 'user_id = ?', me.body.user.id)).toBe(0);
		expect((await d.json('/api/me')).status).toBe(401);
	});
});

describe('protected premises', () => {
	it('reach the device only as a wider covering circle, the same on every pull', async () => {
		type Circle = { shape: 'circle'; center: { lat: number; lon: number }; radiusM: number };
		type Cond = { id: string; type: string; protectedPremises?: boolean; zone?: Circle };
		const protectedIn = (orders: { conditions: Cond[] }[]) =>
			orders.flatMap((o) =>
				o.conditions.filter((c) => c.protectedPremises && c.zone?.shape === 'circle')
			);
		const stored = new Map(
			(await query<{ data: string }>(server, 'SELECT data FROM orders'))
				.flatMap((r) => protectedIn([JSON.parse(r.data) as { conditions: Cond[] }]))
				.map((c) => [c.id, c.zone!])
		);
		const sent = protectedIn(one.page.bundles.flatMap((b) => b.orders) as never);
		expect(sent.length).toBeGreaterThan(0);
		const again = await officerOf(one.client);
		const sentAgain = new Map(
			protectedIn(again.page.bundles.flatMap((b) => b.orders) as never).map((c) => [c.id, c.zone])
		);
		for (const c of sent) {
			const truth = stored.get(c.id)!;
			expect(c.zone!.center).not.toEqual(truth.center);
			expect(c.zone!.radiusM).toBe(truth.radiusM + 501);
			expect(sentAgain.get(c.id)).toEqual(c.zone);
		}
	});
});

describe('security headers', () => {
	it('are on the prerendered shell, static files and API answers', async () => {
		for (const path of ['/', '/manifest.webmanifest', '/api/health', '/api/me']) {
			const res = await fetch(server.url + path);
			const csp = res.headers.get('content-security-policy') ?? '';
			expect(csp, path).toContain("frame-ancestors 'none'");
			expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
			expect(res.headers.get('referrer-policy'), path).toBe('no-referrer');
			expect(res.headers.get('permissions-policy'), path).toContain('camera=(self)');
			expect(res.headers.get('permissions-policy'), path).toContain('geolocation=(self)');
			// Plain http ORIGIN in tests: no HSTS, no Secure cookie.
			expect(res.headers.get('strict-transport-security'), path).toBeNull();
		}
		const shell = await (await fetch(server.url + '/')).text();
		expect(shell).toMatch(
			/<meta http-equiv="content-security-policy" content="[^"]*script-src 'self'/
		);
	});

	it('sends HSTS and Secure cookies when ORIGIN is https, whatever the request URL', async () => {
		const tls = await startServer({ ...SYNC_SERVER_ENV, ORIGIN: 'https://fieldcheck.example' });
		try {
			const res = await fetch(tls.url + '/api/auth/login', {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ username: DEMO.officer1[0], password: DEMO.officer1[1] })
			});
			expect(res.status).toBe(200);
			expect(res.headers.get('set-cookie')).toMatch(/; Secure/i);
			expect(res.headers.get('strict-transport-security')).toContain('max-age=');
		} finally {
			await tls.dispose();
		}
	});
});
