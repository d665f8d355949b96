import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, TestClient } from './client';
import { startServer, type RunningServer } from './server';

let server: RunningServer;
beforeAll(async () => {
	server = await startServer();
});
afterAll(() => server.dispose());

describe('sign-in and sessions', () => {
	it('signs in with the demo password and returns the user without secrets', async () => {
		const c = new TestClient(server.url);
		const res = await c.post('/api/auth/login', {
			username: 'officer1',
			password: 'demo-officer-1'
		});
		expect(res.status).toBe(200);
		const body = res.body as { user: Record<string, unknown> };
		expect(body.user.role).toBe('officer');
		// mustChangePassword is a flag, not a secret: look for hashes and password values.
		expect(JSON.stringify(body)).not.toMatch(
			/argon2|passwordHash|password_hash|"password"|demo-officer/i
		);
		const me = await c.json<{ user: { username: string } }>('/api/me');
		expect(me.body.user.username).toBe('officer1');
	});

	it('rejects a wrong password and an unknown user alike', async () => {
		const c = new TestClient(server.url);
		const wrong = await c.post('/api/auth/login', { username: 'officer1', password: 'nope' });
		const unknown = await c.post('/api/auth/login', { username: 'nobody', password: 'nope' });
		expect(wrong.status).toBe(401);
		expect(unknown.status).toBe(401);
		expect(wrong.body).toEqual(unknown.body);
	});

	it('stores Argon2id hashes and only hashes of session tokens', async () => {
		const c = new TestClient(server.url);
		await c.signIn(...DEMO.officer2);
		const hashes = await server.db.query<{ password_hash: string }>(
			'SELECT password_hash FROM users'
		);
		for (const h of hashes) expect(h.password_hash).toMatch(/^\$argon2id\$/);
		const tokens = await server.db.query<{ token_hash: string }>('SELECT token_hash FROM sessions');
		expect(tokens.length).toBeGreaterThan(0);
		for (const t of tokens) expect(t.token_hash).toMatch(/^[0-9a-f]{64}$/);
	});

	it('signs out: the old session no longer works', async () => {
		const c = new TestClient(server.url);
		await c.signIn(...DEMO.officer3);
		const res = await c.fetch('/api/auth/logout', { method: 'POST' });
		expect(res.status).toBe(200);
		expect((await c.json('/api/me')).status).toBe(401);
	});

	it('answers 401 to every protected route without a session', async () => {
		const c = new TestClient(server.url);
		for (const path of ['/api/me', '/api/caseload', '/api/officers', '/api/assignments']) {
			const res = await c.json<{ error: { code: string } }>(path);
			expect(res.status, path).toBe(401);
			expect(res.body.error.code).toBe('unauthenticated');
		}
	});

	it('throttles repeated failed sign-ins', async () => {
		const c = new TestClient(server.url);
		let last = 0;
		for (let i = 0; i < 10; i++) {
			last = (await c.post('/api/auth/login', { username: 'admin', password: 'guess' + i })).status;
		}
		expect(last).toBe(429);
	});
});
