import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test as base } from '@playwright/test';

/**
 * A production-like server for one spec: the real build on its own empty SQLite file, with the
 * demo seed off, on its own port (E2E_PORT + 10), started once per worker. The shared e2e
 * server (serve.js) is seeded, so it cannot show a first start.
 */
export interface FreshServer {
	baseURL: string;
	databaseUrl: string;
	dbPath: string;
}

const DIR = fileURLToPath(new URL('../../.e2e-fresh/', import.meta.url));

async function waitHealthy(url: string, child: ChildProcess, log: () => string): Promise<void> {
	const deadline = Date.now() + 60_000;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`fresh server exited:\n${log()}`);
		const ok = await fetch(`${url}/api/health`).then(
			(r) => r.ok,
			() => false
		);
		if (ok) return;
		await new Promise((r) => setTimeout(r, 200));
	}
	throw new Error(`fresh server did not start:\n${log()}`);
}

export const test = base.extend<object, { freshServer: FreshServer }>({
	freshServer: [
		// eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring
		async ({}, use) => {
			const port = Number(process.env.E2E_PORT ?? 4173) + 10;
			const baseURL = `http://127.0.0.1:${port}`;
			rmSync(DIR, { recursive: true, force: true });
			mkdirSync(DIR, { recursive: true });
			const dbPath = `${DIR}fieldcheck.db`;
			const databaseUrl = `sqlite:${dbPath}`;
			const env: NodeJS.ProcessEnv = {
				...process.env,
				PORT: String(port),
				HOST: '127.0.0.1',
				DATABASE_URL: databaseUrl,
				ORIGIN: baseURL,
				BODY_SIZE_LIMIT: '80M'
			};
			// A real deployment never sets it; make sure nothing inherited does.
			delete env.FIELDCHECK_DEMO_SEED;
			const child = spawn(process.execPath, ['build/index.js'], {
				env,
				stdio: ['ignore', 'pipe', 'pipe']
			});
			let output = '';
			child.stdout?.on('data', (d) => (output += d));
			child.stderr?.on('data', (d) => (output += d));
			await waitHealthy(baseURL, child, () => output);
			await use({ baseURL, databaseUrl, dbPath });
			await new Promise<void>((resolve) => {
				if (child.exitCode !== null) return resolve();
				child.once('exit', () => resolve());
				child.kill('SIGTERM');
			});
		},
		{ scope: 'worker' }
	],
	baseURL: async ({ freshServer }, use) => use(freshServer.baseURL)
});

export { expect } from '@playwright/test';
