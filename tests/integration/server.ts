import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDb, type TestDb } from './test-db';

export interface RunningServer {
	url: string;
	/** The server's database, SQLite file or PostgreSQL database (see test-db.ts). */
	db: TestDb;
	/** Stops gracefully. */
	stop(): Promise<void>;
	/** SIGKILL: no chance to flush or clean up, as in a crash or power cut. */
	kill(): Promise<void>;
	/** Starts again on the same database file and port. */
	restart(): Promise<void>;
	dispose(): Promise<void>;
}

async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const srv = createServer();
		srv.listen(0, '127.0.0.1', () => {
			const addr = srv.address();
			srv.close(() =>
				typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))
			);
		});
	});
}

/** A fresh, empty database for one or more test servers. */
export function newTestDb(): Promise<TestDb> {
	return createTestDb(join(mkdtempSync(join(tmpdir(), 'fieldcheck-it-')), 'fieldcheck.db'));
}

/**
 * Starts build/index.js on a fresh database (an SQLite file on disk, or a PostgreSQL database
 * when the suite runs on PostgreSQL), seeded with the demo caseload; or on `shared`, a database
 * other servers use too (its owner drops it).
 */
export async function startServer(
	env: Record<string, string> = {},
	shared?: TestDb
): Promise<RunningServer> {
	const dir = mkdtempSync(join(tmpdir(), 'fieldcheck-it-'));
	const db = shared ?? (await newTestDb());
	const port = await freePort();
	const url = `http://127.0.0.1:${port}`;
	let child: ChildProcess | undefined;

	const launch = async () => {
		child = spawn(process.execPath, ['build/index.js'], {
			env: {
				...process.env,
				PORT: String(port),
				HOST: '127.0.0.1',
				DATABASE_URL: db.url,
				FIELDCHECK_SEED_SUBJECTS: '60',
				FIELDCHECK_DEMO_SEED: '1',
				BODY_SIZE_LIMIT: '5M',
				// Plain http on loopback: adapter-node otherwise assumes https behind a proxy.
				ORIGIN: url,
				...env
			},
			stdio: ['ignore', 'pipe', 'pipe']
		});
		let output = '';
		child.stdout?.on('data', (d) => (output += d));
		child.stderr?.on('data', (d) => {
			output += d;
			if (process.env.IT_SERVER_LOG) process.stderr.write(d);
		});
		const deadline = Date.now() + 30_000;
		while (Date.now() < deadline) {
			if (child.exitCode !== null) throw new Error(`server exited early:\n${output}`);
			try {
				const res = await fetch(`${url}/api/health`);
				if (res.ok) return;
			} catch {
				// not listening yet
			}
			await new Promise((r) => setTimeout(r, 100));
		}
		throw new Error(`server did not start:\n${output}`);
	};

	const waitExit = (signal: NodeJS.Signals) =>
		new Promise<void>((resolve) => {
			if (!child || child.exitCode !== null || child.signalCode !== null) return resolve();
			child.once('exit', () => resolve());
			child.kill(signal);
		});

	await launch();
	return {
		url,
		db,
		stop: () => waitExit('SIGTERM'),
		kill: () => waitExit('SIGKILL'),
		restart: launch,
		async dispose() {
			await waitExit('SIGTERM');
			if (!shared) await db.drop();
			rmSync(dir, { recursive: true, force: true });
		}
	};
}
