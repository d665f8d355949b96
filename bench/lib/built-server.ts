import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

export interface BuiltServer {
	url: string;
	/** The SQLite file it runs on, for counting what it stored. */
	dbPath: string;
	/** The server's process, for measuring its CPU (bench/lib/cpu.ts). */
	pid: number;
	/** Idempotent: safe to call from `finally` and from a signal handler alike. */
	dispose(): Promise<void>;
}

/** Servers from spawn to exit, so a signal during start-up (seeding takes seconds) stops them too. */
const running = new Set<{ dispose(): Promise<void>; killNow(): void }>();

export async function stopAllServers(): Promise<void> {
	await Promise.all([...running].map((s) => s.dispose()));
}

/** Last resort from a synchronous `exit` handler. */
export function killAllServersNow(): void {
	for (const s of running) s.killNow();
}

/** Builds unless build/ is current. Build output goes to stderr so stdout stays JSON lines. */
export function ensureBuild(): void {
	execFileSync(process.execPath, ['scripts/ensure-build.js'], {
		cwd: ROOT,
		stdio: ['ignore', process.stderr, process.stderr]
	});
}

async function freePort(): Promise<number> {
	return new Promise((done, fail) => {
		const srv = createServer();
		srv.listen(0, '127.0.0.1', () => {
			const addr = srv.address();
			srv.close(() => (typeof addr === 'object' && addr ? done(addr.port) : fail(new Error())));
		});
	});
}

/**
 * Runs build/index.js on a fresh SQLite file. The build is copied first because others may
 * rebuild build/ while a benchmark runs, which would pull the assets from under the server.
 * The copy lives under node_modules/ so the server still resolves its dependencies.
 */
export async function startBuiltServer(
	env: Record<string, string>,
	{
		startupMs = 120_000,
		build = join(ROOT, 'build')
	}: {
		/** How long to wait for /api/health (a large seed takes a while). */
		startupMs?: number;
		/** Another build to serve (e.g. a copy of main's, for a before/after in one run). */
		build?: string;
	} = {}
): Promise<BuiltServer> {
	const dataDir = mkdtempSync(join(tmpdir(), 'fieldcheck-bench-'));
	const cacheDir = join(ROOT, 'node_modules/.cache');
	mkdirSync(cacheDir, { recursive: true });
	const buildDir = mkdtempSync(join(cacheDir, 'fieldcheck-bench-build-'));
	const port = await freePort();
	const url = `http://127.0.0.1:${port}`;
	const dbPath = join(dataDir, 'fieldcheck.db');
	let child: ChildProcess | undefined;
	let disposed: Promise<void> | undefined;

	const removeFiles = () => {
		rmSync(dataDir, { recursive: true, force: true });
		rmSync(buildDir, { recursive: true, force: true });
	};
	const dispose = () =>
		(disposed ??= new Promise<void>((done) => {
			if (!child || child.exitCode !== null || child.signalCode !== null) return done();
			const force = setTimeout(() => child?.kill('SIGKILL'), 5_000);
			child.once('exit', () => {
				clearTimeout(force);
				done();
			});
			child.kill('SIGTERM');
		}).finally(() => {
			removeFiles();
			running.delete(handle);
		}));
	const handle = {
		dispose,
		killNow() {
			child?.kill('SIGKILL');
			removeFiles();
		}
	};
	running.add(handle);

	try {
		cpSync(build, buildDir, { recursive: true });
		child = spawn(process.execPath, [join(buildDir, 'index.js')], {
			cwd: ROOT,
			env: {
				...process.env,
				FIELDCHECK_DEMO_SEED: '1',
				PORT: String(port),
				HOST: '127.0.0.1',
				DATABASE_URL: `sqlite:${dbPath}`,
				...env
			},
			stdio: ['ignore', 'pipe', 'pipe']
		});
		let output = '';
		child.stdout?.on('data', (d) => (output += d));
		child.stderr?.on('data', (d) => (output += d));
		// Seeding 10,000 subjects takes a few seconds before the server listens.
		const deadline = Date.now() + startupMs;
		for (;;) {
			if (child.exitCode !== null) throw new Error(`server exited early:\n${output}`);
			if (Date.now() > deadline) throw new Error(`server did not start:\n${output}`);
			const ok = await fetch(`${url}/api/health`).then(
				(r) => r.ok,
				() => false
			);
			if (ok) break;
			await new Promise((r) => setTimeout(r, 200));
		}
	} catch (e) {
		await dispose();
		throw e;
	}
	return { url, dbPath, pid: child.pid ?? 0, dispose };
}
