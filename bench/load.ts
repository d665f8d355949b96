/**
 * bench:load — the shift-change rush (issue 13). A benchmark, not a test: loopback only, bounded.
 *
 * N devices (BENCH_DEVICES, default 500) arrive spread over BENCH_SPREAD_S seconds (default 60).
 * Each, through the protocol's real routes: signs in, pulls its caseload (30 subjects), pushes
 * 20 visits in one push, 5 of them with a 300 KB photo, and uploads the photos in chunks. The
 * same workload runs against PostgreSQL with 2 app servers behind a round-robin balancer
 * (scripts/two-servers.ts) and against 1 app server on SQLite, in the same run. Afterwards the
 * stored visits and photos are counted in each database: every visit exactly once.
 *
 * Run through scripts/with-pg.sh (npm run bench:load does), which provides the PostgreSQL server.
 */
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID, createHash } from 'node:crypto';
import { createServer } from 'node:net';
import { availableParallelism } from 'node:os';
import type { AddressInfo } from 'node:net';
import Sqlite from 'better-sqlite3';
import pg from 'pg';
import { caseloadPageSchema } from '$lib/domain/caseload';
import { PROTOCOL_VERSION } from '$lib/domain/protocol';
import { PHOTO_CHUNK_BYTES } from '$lib/domain/sync';
import { makeMutation, makeVisit } from '$lib/domain/testing';
import type { PhotoRef } from '$lib/domain/visit';
import { clusterDbUrl } from '../scripts/two-servers-db.js';
import { ensureBuild, startBuiltServer } from './lib/built-server';
import { machineBusySeconds, ownCpuSeconds, postmasterPid, treeCpuSeconds } from './lib/cpu';
import { quantile, round } from './lib/stats';

const DEVICES = Number(process.env.BENCH_DEVICES ?? 500);
const SPREAD_MS = Number(process.env.BENCH_SPREAD_S ?? 60) * 1000;
/** `postgresql` or `sqlite` runs that engine only; unset runs both. */
const ENGINES = (process.env.BENCH_ENGINES ?? 'postgresql,sqlite').split(',');
if (!ENGINES.every((e) => e === 'postgresql' || e === 'sqlite'))
	throw new Error('BENCH_ENGINES: postgresql, sqlite or both (comma-separated)');
const SUBJECTS_EACH = 30;
const VISITS = 20;
const PHOTOS = 5;
const PHOTO_BYTES = 300 * 1024;
const SEED_ENV = {
	FIELDCHECK_SEED_OFFICERS: String(DEVICES),
	FIELDCHECK_SEED_SUBJECTS: String(DEVICES * SUBJECTS_EACH),
	BODY_SIZE_LIMIT: '5M'
};
const STARTUP_MS = 30 * 60_000;

type Route = 'sign-in' | 'pull' | 'push' | 'photo-chunk';
interface Run {
	latencies: Record<Route, number[]>;
	errors: Record<string, number>;
}

async function timed(run: Run, route: Route, call: () => Promise<Response>): Promise<Response> {
	const t0 = performance.now();
	let res: Response;
	try {
		res = await call();
	} catch (e) {
		run.errors[`${route} network`] = (run.errors[`${route} network`] ?? 0) + 1;
		throw e;
	}
	run.latencies[route].push(performance.now() - t0);
	if (!res.ok)
		run.errors[`${route} ${res.status}`] = (run.errors[`${route} ${res.status}`] ?? 0) + 1;
	return res;
}

/** A client retries what failed, as the app does; the errors still count. */
async function withRetry(fn: () => Promise<Response>, tries = 3): Promise<Response> {
	for (let i = 1; ; i++) {
		try {
			const res = await fn();
			if (res.ok || i >= tries) return res;
		} catch (e) {
			if (i >= tries) throw e;
		}
	}
}

async function device(base: string, n: number, run: Run): Promise<void> {
	let cookie = '';
	const headers = (type?: string) => ({ cookie, ...(type ? { 'content-type': type } : {}) });
	const login = await withRetry(() =>
		timed(run, 'sign-in', () =>
			fetch(`${base}/api/auth/login`, {
				method: 'POST',
				headers: headers('application/json'),
				body: JSON.stringify({ username: `officer${n}`, password: `demo-officer-${n}` })
			})
		)
	);
	cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
	const me = (await login.json()) as { user: { id: string } };
	const pulled = await withRetry(() =>
		timed(run, 'pull', () => fetch(`${base}/api/caseload?limit=200`, { headers: headers() }))
	);
	const page = caseloadPageSchema.parse(await pulled.json());
	if (page.bundles.length === 0) throw new Error(`officer${n} has no caseload`);
	const photos: { ref: PhotoRef; content: Buffer }[] = [];
	const visits = Array.from({ length: VISITS }, (_, i) => {
		const bundle = page.bundles[i % page.bundles.length]!;
		const refs: PhotoRef[] = [];
		if (i < PHOTOS) {
			const content = randomBytes(PHOTO_BYTES);
			const ref: PhotoRef = {
				id: randomUUID(),
				sha256: createHash('sha256').update(content).digest('hex'),
				bytes: content.byteLength,
				mimeType: 'image/jpeg',
				width: 1024,
				height: 768
			};
			photos.push({ ref, content });
			refs.push(ref);
		}
		const started = Date.now() - (VISITS - i) * 10 * 60_000;
		return makeVisit({
			id: randomUUID(),
			subjectId: bundle.subject.id,
			addressId: bundle.addresses[0]!.id,
			officerId: me.user.id,
			startedAt: new Date(started).toISOString(),
			finishedAt: new Date(started + 8 * 60_000).toISOString(),
			position: { lat: 52.136, lon: -0.467, accuracyM: 8, at: new Date(started).toISOString() },
			photos: refs
		});
	});
	const deviceId = randomUUID();
	const body = JSON.stringify({
		protocolVersion: PROTOCOL_VERSION,
		deviceId,
		mutations: visits.map((v, i) => makeMutation(i + 1, randomUUID(), v))
	});
	await withRetry(() =>
		timed(run, 'push', () =>
			fetch(`${base}/api/sync/push`, { method: 'POST', headers: headers('application/json'), body })
		)
	);
	for (const { ref, content } of photos) {
		for (let offset = 0; offset < content.byteLength; offset += PHOTO_CHUNK_BYTES) {
			const chunk = content.subarray(offset, offset + PHOTO_CHUNK_BYTES);
			await withRetry(() =>
				timed(run, 'photo-chunk', () =>
					fetch(`${base}/api/photos/${ref.id}/chunk?offset=${offset}`, {
						method: 'PUT',
						headers: headers('application/octet-stream'),
						body: new Uint8Array(chunk)
					})
				)
			);
		}
	}
}

/** Where the CPU went during a rush: the app servers, the database, this client, everyone. */
interface CpuSpent {
	appServersS: number;
	/** The loopback balancer in front of the two servers (a real site runs nginx or HAProxy). */
	balancerS: number;
	databaseS: number;
	loadClientS: number;
	/** Every process on the machine, ours and others' (the machine may be shared). */
	machineS: number;
}

/** The process trees to account for: app servers (and balancer), and the database if separate. */
interface Measured {
	appPid: number;
	/** The process at appPid is also the balancer, whose own CPU is reported apart. */
	appPidBalances?: boolean;
	dbPid?: number;
}

function cpuNow(m: Measured): CpuSpent {
	const client = process.cpuUsage();
	const balancerS = m.appPidBalances ? ownCpuSeconds(m.appPid) : 0;
	return {
		appServersS: treeCpuSeconds(m.appPid) - balancerS,
		balancerS,
		databaseS: m.dbPid ? treeCpuSeconds(m.dbPid) : 0,
		loadClientS: (client.user + client.system) / 1e6,
		machineS: machineBusySeconds()
	};
}

async function rush(
	base: string,
	measured: Measured
): Promise<{ run: Run; wallMs: number; failedDevices: number; cpu: CpuSpent }> {
	const run: Run = {
		latencies: { 'sign-in': [], pull: [], push: [], 'photo-chunk': [] },
		errors: {}
	};
	const cpu0 = cpuNow(measured);
	const t0 = performance.now();
	let failedDevices = 0;
	await Promise.all(
		Array.from({ length: DEVICES }, async (_, i) => {
			await new Promise((r) => setTimeout(r, (i / DEVICES) * SPREAD_MS));
			await device(base, i + 1, run).catch(() => (failedDevices += 1));
		})
	);
	const wallMs = performance.now() - t0;
	const cpu1 = cpuNow(measured);
	const cpu = Object.fromEntries(
		Object.entries(cpu1).map(([k, v]) => [k, v - cpu0[k as keyof CpuSpent]])
	) as unknown as CpuSpent;
	return { run, wallMs, failedDevices, cpu };
}

interface Stored {
	visits: number;
	distinct: number;
	photosComplete: number;
}
const COUNT_SQL = `SELECT
	(SELECT count(*) FROM visits) AS visits,
	(SELECT count(*) FROM (SELECT DISTINCT device_id, device_seq FROM visits) d) AS distinct_seqs,
	(SELECT count(*) FROM photos WHERE completed_at IS NOT NULL) AS photos`;

function summary(engine: string, r: Awaited<ReturnType<typeof rush>>, stored: Stored) {
	const requests = Object.values(r.run.latencies).reduce((n, l) => n + l.length, 0);
	const errors = Object.values(r.run.errors).reduce((n, e) => n + e, 0);
	const line = {
		bench: 'load',
		engine,
		devices: DEVICES,
		wallS: round(r.wallMs / 1000),
		requestsPerS: round(requests / (r.wallMs / 1000)),
		visitsPerS: round(stored.visits / (r.wallMs / 1000)),
		routes: Object.fromEntries(
			Object.entries(r.run.latencies).map(([route, l]) => [
				route,
				{
					n: l.length,
					p50: round(quantile(l, 0.5)),
					p95: round(quantile(l, 0.95)),
					p99: round(quantile(l, 0.99))
				}
			])
		),
		errors: r.run.errors,
		failedDevices: r.failedDevices,
		cpu: {
			cores: availableParallelism(),
			appServersS: round(r.cpu.appServersS),
			balancerS: round(r.cpu.balancerS),
			databaseS: round(r.cpu.databaseS),
			loadClientS: round(r.cpu.loadClientS),
			machineS: round(r.cpu.machineS),
			/** CPU the rest of the machine used meanwhile (other work on a shared machine). */
			othersS: round(
				Math.max(
					0,
					r.cpu.machineS - r.cpu.appServersS - r.cpu.balancerS - r.cpu.databaseS - r.cpu.loadClientS
				)
			),
			/** Server-side CPU (app servers + database) per device's whole shift-change sync. */
			serverMsPerDevice: round(((r.cpu.appServersS + r.cpu.databaseS) * 1000) / DEVICES)
		},
		stored,
		exactlyOnce:
			stored.visits === DEVICES * VISITS &&
			stored.distinct === stored.visits &&
			stored.photosComplete === DEVICES * PHOTOS
	};
	console.log(JSON.stringify(line));
	return { line, errors };
}

async function freePort(): Promise<number> {
	return new Promise((done) => {
		const s = createServer().listen(0, '127.0.0.1', () => {
			const p = (s.address() as AddressInfo).port;
			s.close(() => done(p));
		});
	});
}

async function postgresTwoServers() {
	const port = await freePort();
	process.env.FIELDCHECK_CLUSTER_DB = 'fieldcheck_bench_load';
	const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/two-servers.ts'], {
		env: { ...process.env, ...SEED_ENV, PORT: String(port) },
		stdio: ['ignore', 'ignore', 'inherit']
	});
	const url = `http://127.0.0.1:${port}`;
	const deadline = Date.now() + STARTUP_MS;
	while (
		!(await fetch(`${url}/api/health`).then(
			(r) => r.ok,
			() => false
		))
	) {
		if (child.exitCode !== null || Date.now() > deadline)
			throw new Error('two servers did not start');
		await new Promise((r) => setTimeout(r, 500));
	}
	const pgPort = Number(new URL(clusterDbUrl().url).port);
	return {
		url,
		measured: { appPid: child.pid ?? 0, appPidBalances: true, dbPid: postmasterPid(pgPort) },
		async count(): Promise<Stored> {
			const db = new pg.Client({ connectionString: clusterDbUrl().url });
			await db.connect();
			const { rows } = await db.query(COUNT_SQL);
			await db.end();
			return {
				visits: Number(rows[0].visits),
				distinct: Number(rows[0].distinct_seqs),
				photosComplete: Number(rows[0].photos)
			};
		},
		dispose: () =>
			new Promise<void>((done) => {
				child.once('exit', () => done());
				child.kill('SIGTERM');
			})
	};
}

async function main() {
	ensureBuild();
	console.error(
		`bench:load: ${DEVICES} devices over ${SPREAD_MS / 1000} s on ${ENGINES.join(' and ')}; seeding first`
	);
	const results = [];
	if (ENGINES.includes('postgresql')) {
		const pgServers = await postgresTwoServers();
		try {
			const r = await rush(pgServers.url, pgServers.measured);
			results.push(summary('postgresql, 2 app servers', r, await pgServers.count()));
		} finally {
			await pgServers.dispose();
		}
	}
	if (ENGINES.includes('sqlite')) await sqliteOneServer(results);
	print(results);
}

async function sqliteOneServer(results: ReturnType<typeof summary>[]) {
	const sqlite = await startBuiltServer(SEED_ENV, { startupMs: STARTUP_MS });
	try {
		const r = await rush(sqlite.url, { appPid: sqlite.pid });
		const db = new Sqlite(sqlite.dbPath, { readonly: true });
		const row = db.prepare(COUNT_SQL).get() as {
			visits: number;
			distinct_seqs: number;
			photos: number;
		};
		db.close();
		results.push(
			summary('sqlite, 1 app server', r, {
				visits: row.visits,
				distinct: row.distinct_seqs,
				photosComplete: row.photos
			})
		);
	} finally {
		await sqlite.dispose();
	}
}

function print(results: ReturnType<typeof summary>[]) {
	console.log('\nShift-change rush (latencies in ms):');
	for (const { line } of results) {
		console.log(
			`${line.engine}: ${line.devices} devices in ${line.wallS} s, ${line.requestsPerS} req/s, errors ${JSON.stringify(line.errors)}, exactly once: ${line.exactlyOnce}`
		);
		for (const [route, s] of Object.entries(line.routes)) {
			console.log(`  ${route.padEnd(12)} n=${s.n} p50 ${s.p50} p95 ${s.p95} p99 ${s.p99}`);
		}
		const c = line.cpu;
		console.log(
			`  CPU s: app servers ${c.appServersS}, balancer ${c.balancerS}, database ${c.databaseS}, ` +
				`load client ${c.loadClientS}, ` +
				`others on the machine ${c.othersS} (${c.cores} cores, ${line.wallS} s); ` +
				`server CPU per device ${c.serverMsPerDevice} ms`
		);
	}
}

await main();
