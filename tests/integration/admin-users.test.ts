import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, runAdmin } from './admin-helpers';
import { TestClient } from './client';
import { startServer, type RunningServer } from './server';

/** A production database: no demo seed; the first administrator comes from the command. */
let server: RunningServer;
let admin: TestClient;

beforeAll(async () => {
	server = await startServer({ FIELDCHECK_DEMO_SEED: '0' });
});
afterAll(() => server.dispose());

async function count(sql: string): Promise<number> {
	return Number((await server.db.query<{ n: number }>(sql))[0]!.n);
}

describe('npm run admin -- create-user', () => {
	it('refuses weak passwords and writes nothing', async () => {
		const args = ['create-user', '--role', 'administrator', '--username', 'chief'];
		for (const weak of ['short', 'chief-password-99', 'password1234']) {
			const res = await runAdmin(server.db.url, args, `${weak}\n`);
			expect(res.code).toBe(1);
			expect(res.output).toMatch(/Refused/);
		}
		expect(await count('SELECT count(*) AS n FROM users')).toBe(0);
	});

	it('creates the first administrator on a database with no seed', async () => {
		const res = await runAdmin(
			server.db.url,
			['create-user', '--role', 'administrator', '--username', 'chief'],
			`${ADMIN_PASSWORD}\n`
		);
		expect(res.code, res.output).toBe(0);
		expect(res.output).not.toContain(ADMIN_PASSWORD);
		expect(await count('SELECT count(*) AS n FROM subjects')).toBe(0);
		admin = new TestClient(server.url);
		await admin.signIn('chief', ADMIN_PASSWORD);
		const again = await runAdmin(
			server.db.url,
			['create-user', '--role', 'administrator', '--username', 'chief'],
			`${ADMIN_PASSWORD}\n`
		);
		expect(again.code).toBe(1);
		expect(again.output).toMatch(/taken/);
	});

	it('refuses a password given as an argument', async () => {
		const res = await runAdmin(
			server.db.url,
			['create-user', '--role', 'administrator', '--username', 'x2', '--password', 'p'],
			''
		);
		expect(res.code).toBe(2);
	});
});

describe('users and teams', () => {
	let teamId: string;
	let officerId: string;

	it('creates a team and an officer who must change the first password', async () => {
		const team = await admin.post('/api/admin/teams', { name: 'Bedford DA team' });
		expect(team.status).toBe(201);
		teamId = (team.body as { team: { id: string } }).team.id;
		const weak = await admin.post('/api/admin/users', {
			username: 'pc1',
			displayName: 'PC One',
			collarNumber: '1001',
			role: 'officer',
			teamId,
			password: 'short'
		});
		expect(weak.status).toBe(422);
		expect((weak.body as { error: { code: string } }).error.code).toBe('weak-password');
		const created = await admin.post('/api/admin/users', {
			username: 'pc1',
			displayName: 'PC One',
			collarNumber: '1001',
			role: 'officer',
			teamId,
			password: 'temporary pass 1'
		});
		expect(created.status).toBe(201);
		officerId = (created.body as { user: { id: string } }).user.id;

		const officer = new TestClient(server.url);
		const login = await officer.post('/api/auth/login', {
			username: 'pc1',
			password: 'temporary pass 1'
		});
		expect((login.body as { mustChangePassword: boolean }).mustChangePassword).toBe(true);
		const blocked = await officer.json('/api/caseload');
		expect(blocked.status).toBe(403);
		expect((blocked.body as { error: { code: string } }).error.code).toBe(
			'password-change-required'
		);
		expect(
			(await officer.post('/api/auth/password', { password: 'my own new secret' })).status
		).toBe(200);
		expect((await officer.json('/api/caseload')).status).toBe(200);
	});

	it('ends a disabled user’s sessions at once, and never deletes them', async () => {
		const officer = new TestClient(server.url);
		await officer.signIn('pc1', 'my own new secret');
		expect((await officer.json('/api/me')).status).toBe(200);
		const res = await admin.post(`/api/admin/users/${officerId}`, { disabled: true }, 'PATCH');
		expect(res.status).toBe(200);
		expect((await officer.json('/api/me')).status).toBe(401);
		expect(await count(`SELECT count(*) AS n FROM sessions WHERE user_id = '${officerId}'`)).toBe(
			0
		);
		const again = new TestClient(server.url);
		const login = await again.post('/api/auth/login', {
			username: 'pc1',
			password: 'my own new secret'
		});
		expect(login.status).toBe(401);
		expect(await count('SELECT count(*) AS n FROM users')).toBe(2);
	});

	it('changes a role and resets a password (sessions end, change required)', async () => {
		await admin.post(`/api/admin/users/${officerId}`, { disabled: false }, 'PATCH');
		const role = await admin.post(`/api/admin/users/${officerId}`, { role: 'supervisor' }, 'PATCH');
		expect((role.body as { user: { role: string } }).user.role).toBe('supervisor');
		const reset = await admin.post(`/api/admin/users/${officerId}/password`, {
			password: 'another temp pass'
		});
		expect(reset.status).toBe(200);
		const user = new TestClient(server.url);
		const login = await user.post('/api/auth/login', {
			username: 'pc1',
			password: 'another temp pass'
		});
		expect((login.body as { mustChangePassword: boolean }).mustChangePassword).toBe(true);
	});
});
