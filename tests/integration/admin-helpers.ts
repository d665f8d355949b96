import { spawn } from 'node:child_process';
import { TestClient } from './client';

/** Runs `npm run admin -- …` on a server's database with the password on stdin (no terminal). */
export function runAdmin(
	databaseUrl: string,
	args: string[],
	stdin: string
): Promise<{ code: number; output: string }> {
	return new Promise((resolve) => {
		const child = spawn('npm', ['run', '-s', 'admin', '--', ...args], {
			env: { ...process.env, DATABASE_URL: databaseUrl },
			stdio: ['pipe', 'pipe', 'pipe']
		});
		let output = '';
		child.stdout.on('data', (d) => (output += d));
		child.stderr.on('data', (d) => (output += d));
		child.on('exit', (code) => resolve({ code: code ?? -1, output }));
		child.stdin.end(stdin);
	});
}

export const ADMIN_PASSWORD = 'station key lamp orchard';

/**
 * A new team with one signed-in user (supervisor or officer) who has already chosen their own
 * password: what scoping tests need to look from "another team".
 */
export async function userOfNewTeam(
	admin: TestClient,
	teamName: string,
	username: string,
	role: 'supervisor' | 'officer' = 'supervisor'
): Promise<{ client: TestClient; id: string; teamId: string }> {
	const team = await admin.post('/api/admin/teams', { name: teamName });
	const teamId = (team.body as { team: { id: string } }).team.id;
	const { client, id } = await userOfTeam(admin, teamId, username, role);
	return { client, id, teamId };
}

/** One more signed-in user of an existing team, past the first-sign-in password change. */
export async function userOfTeam(
	admin: TestClient,
	teamId: string,
	username: string,
	role: 'supervisor' | 'officer'
): Promise<{ client: TestClient; id: string }> {
	const made = await admin.post('/api/admin/users', {
		username,
		displayName: username,
		collarNumber: null,
		role,
		teamId,
		password: 'temporary pass 9'
	});
	if (made.status !== 201) throw new Error(`creating ${username}: ${made.status}`);
	const client = new TestClient(admin.base);
	await client.signIn(username, 'temporary pass 9');
	const changed = await client.post('/api/auth/password', {
		password: `${role} own secret lantern 44`
	});
	if (changed.status !== 200) throw new Error(`password of ${username}: ${changed.status}`);
	return { client, id: (made.body as { user: { id: string } }).user.id };
}
