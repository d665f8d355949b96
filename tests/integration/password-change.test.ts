import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, TestClient } from './client';
import { startServer, type RunningServer } from './server';

/**
 * A reset password holds the session to the change-password route on the server, for every
 * route there is: each API route file is found on disk and called with each method it exports,
 * so a route added later without the guard fails here.
 */
const API = 'src/routes/api';
/** Open to such a session: sign-in, sign-out, the change itself, and health. */
const ALLOWED = new Set(['auth/login', 'auth/logout', 'auth/password', 'health', '[...rest]']);
const ID = '0d6c1f2a-3b4c-4d5e-8f60-718293a4b5c6';

function routes(dir = API): { path: string; methods: string[] }[] {
	const out: { path: string; methods: string[] }[] = [];
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const full = join(dir, entry.name);
		if (entry.isDirectory()) out.push(...routes(full));
		else if (entry.name === '+server.ts') {
			const route = relative(API, dir);
			if (ALLOWED.has(route)) continue;
			const source = readFileSync(full, 'utf8');
			const methods = [...source.matchAll(/export const (GET|POST|PUT|PATCH|DELETE)\b/g)].map(
				(m) => m[1]!
			);
			const path = route.replace(/\[file\]/g, 'subjects.csv').replace(/\[[^\]]+\]/g, ID);
			out.push({ path: `/api/${path}`, methods });
		}
	}
	return out;
}

let server: RunningServer;
let officer: TestClient;

beforeAll(async () => {
	server = await startServer();
	const admin = new TestClient(server.url);
	await admin.signIn(...DEMO.admin);
	const { users } = (
		await admin.json<{ users: { id: string; username: string }[] }>('/api/admin/users')
	).body;
	const id = users.find((u) => u.username === 'officer2')!.id;
	const reset = await admin.post(`/api/admin/users/${id}/password`, {
		password: 'temporary reset 3'
	});
	expect(reset.status).toBe(200);
	officer = new TestClient(server.url);
	await officer.signIn('officer2', 'temporary reset 3');
});
afterAll(() => server.dispose());

describe('a session whose password was reset', () => {
	const all = routes();

	it('finds the API routes', () => {
		expect(all.length).toBeGreaterThan(30);
		expect(all.map((r) => r.path)).toContain('/api/caseload');
	});

	it('is refused by every other route with 403 password-change-required', async () => {
		const refused: string[] = [];
		for (const { path, methods } of all) {
			for (const method of methods) {
				const res = await officer.fetch(path, {
					method,
					headers: { 'content-type': 'application/json', origin: server.url },
					body: method === 'GET' ? undefined : '{}'
				});
				const body = (await res.json().catch(() => null)) as { error?: { code: string } } | null;
				if (res.status !== 403 || body?.error?.code !== 'password-change-required') {
					refused.push(`${method} ${path}: ${res.status} ${body?.error?.code ?? ''}`);
				}
			}
		}
		expect(refused).toEqual([]);
	});

	it('holds on a fresh sign-in until the password is changed, then everything opens', async () => {
		const again = new TestClient(server.url);
		const login = await again.post('/api/auth/login', {
			username: 'officer2',
			password: 'temporary reset 3'
		});
		expect((login.body as { mustChangePassword: boolean }).mustChangePassword).toBe(true);
		expect((await again.json('/api/me')).status).toBe(403);
		const changed = await again.post('/api/auth/password', { password: 'my own night shift 8' });
		expect(changed.status).toBe(200);
		expect((await again.json('/api/me')).status).toBe(200);
		expect((await again.json('/api/caseload')).status).toBe(200);
		// The flag is the account's: the first session is no longer held either (or has ended).
		expect((await officer.json('/api/me')).status).not.toBe(403);
	});
});
