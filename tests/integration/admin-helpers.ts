import { spawn } from 'node:child_process';

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
