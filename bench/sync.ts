/**
 * npm run bench:sync — the sync figures of issue 3 (a benchmark, not a test: it never fails).
 *
 * (a) 1,000 queued visits without photos pushed end to end over HTTP to the real built server,
 *     as 1 × 1000 and as 4 × 250 (target ≤ 5 s);
 * (b) the server's push-apply function on a SQLite file next to raw better-sqlite3 prepared
 *     inserts of the same rows in one transaction, interleaved in the same run (target ≥ 0.5×);
 * (c) p95 commit time of a 1,000-mutation batch with synchronous=FULL (target ≤ 50 ms).
 *
 * Prints one JSON line per figure, then a summary. BENCH_RUNS sets the runs per figure.
 * Run through `npm run bench:sync`, which gives node --expose-gc (see settle).
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Sqlite from 'better-sqlite3';
import type { Mutation } from '$lib/domain/sync';
import { kyselyOver, migrate, openDatabase, openSqlite, type Db } from '$lib/server/db/connection';
import { generateCaseload } from '$lib/server/seed/generate';
import { storeCaseload } from '$lib/server/seed/store';
import { applyPush } from '$lib/server/sync/push';
import { officersOf } from '$lib/server/sync/test-db';
import { makeMutation, makeVisit } from '$lib/domain/testing';
import { DEMO, TestClient } from '../tests/integration/client';
import { ensureBuild, startBuiltServer } from './lib/built-server';
import { median, quantile, round, verdict } from './lib/stats';
import {
	SYNC_SERVER_ENV,
	mutations,
	officerOf,
	pushAs,
	visitFor
} from '../tests/integration/sync-helpers';

const RUNS = Number(process.env.BENCH_RUNS || 7);
const BATCH = 1000;
const lines: Record<string, unknown>[] = [];

const ratio = (x: number) => round(x, 2);

function report(metric: string, value: number, extra: Record<string, unknown> = {}): void {
	const shown = extra.unit === 'ratio' ? ratio(value) : round(value);
	const line = { bench: 'sync', metric, value: shown, ...extra };
	lines.push(line);
	console.log(JSON.stringify(line));
}

/** (a) Over HTTP, as the device would: serialise, POST, read the answer, next batch. */
async function endToEnd(): Promise<void> {
	ensureBuild();
	const server = await startBuiltServer(SYNC_SERVER_ENV);
	try {
		const client = new TestClient(server.url);
		await client.signIn(...DEMO.officer1);
		const officer = await officerOf(client);
		for (const size of [1000, 250]) {
			const times: number[] = [];
			for (let run = 0; run <= RUNS; run++) {
				const all = mutations(Array.from({ length: BATCH }, (_, i) => visitFor(officer, i)));
				const deviceId = randomUUID();
				const started = performance.now();
				for (let i = 0; i < all.length; i += size) {
					const res = await pushAs(client, deviceId, all.slice(i, i + size));
					if (res.status !== 200 || res.body.lastAppliedSeq !== Math.min(i + size, BATCH)) {
						throw new Error(`push failed: ${res.status}`);
					}
				}
				// The first run warms the server's JIT and caches up, as a day's first sync would.
				if (run > 0) times.push(performance.now() - started);
			}
			report(`e2e-${BATCH / size}x${size}-ms`, median(times), {
				unit: 'ms',
				stat: 'median',
				runs: times.map((t) => round(t)),
				target: '<= 5000'
			});
		}
	} finally {
		await server.dispose();
	}
}

interface Bench {
	db: Db;
	raw: Sqlite.Database;
}

async function seededFile(
	dir: string,
	name: string,
	caseload: ReturnType<typeof generateCaseload>
) {
	const opened = await openDatabase(`sqlite:${join(dir, name)}`);
	await storeCaseload(opened.db, caseload);
	return opened;
}

/**
 * The server's own configuration (openSqlite: WAL, synchronous=FULL; the statement cache;
 * migrations), with every COMMIT timed: the statement is wrapped when first prepared, and the
 * cache then hands out the wrapped one.
 */
async function timedFile(dir: string, name: string, caseload: ReturnType<typeof generateCaseload>) {
	const raw = openSqlite(join(dir, name));
	const commits: number[] = [];
	const prepare = raw.prepare.bind(raw);
	raw.prepare = ((source: string) => {
		const statement = prepare(source);
		if (!/^commit/i.test(source.trim())) return statement;
		const run = statement.run.bind(statement);
		statement.run = ((...args: unknown[]) => {
			const started = performance.now();
			const result = run(...(args as []));
			commits.push(performance.now() - started);
			return result;
		}) as typeof statement.run;
		return statement;
	}) as typeof raw.prepare;
	const db = kyselyOver(raw);
	await migrate(db);
	await storeCaseload(db, caseload);
	return { db, raw, commits };
}

/** A batch as it comes off the wire: plain JSON, fresh ids. */
function batchFor(officer: ReturnType<typeof officersOf>[number]): unknown[] {
	const ms: Mutation[] = Array.from({ length: BATCH }, (_, i) =>
		makeMutation(
			i + 1,
			randomUUID(),
			makeVisit({
				id: randomUUID(),
				officerId: officer.id,
				...officer.subjects[i % officer.subjects.length]!
			})
		)
	);
	const text = JSON.stringify(ms);
	settle();
	return JSON.parse(text);
}

/**
 * Before each timed step: clear the harness's own garbage (building batches, reading rows back)
 * so a collection the harness caused is not charged to either side. Each still pays for what
 * it allocates itself; the batch is parsed after this, so it is young, as a request body is
 * in the server.
 */
function settle(): void {
	(globalThis as { gc?: () => void }).gc?.();
}

/** The rows a push wrote, to insert the very same rows again with raw prepared statements. */
function writtenRows(raw: Sqlite.Database, deviceId: string) {
	return {
		device: raw.prepare('SELECT * FROM devices WHERE id = ?').get(deviceId) as Record<
			string,
			unknown
		>,
		visits: raw.prepare('SELECT * FROM visits WHERE device_id = ?').all(deviceId) as Record<
			string,
			unknown
		>[],
		audit: raw.prepare('SELECT * FROM audit WHERE device_id = ?').all(deviceId) as Record<
			string,
			unknown
		>[]
	};
}

/** Plain better-sqlite3: prepared once, one transaction, no validation. */
function rawInsert(
	raw: Sqlite.Database,
	rows: ReturnType<typeof writtenRows>,
	withAudit: boolean
): number {
	const statement = (table: string, row: Record<string, unknown>) => {
		const cols = Object.keys(row).filter((c) => c !== 'id' || table !== 'audit');
		return raw.prepare(
			`INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map((c) => '@' + c).join(', ')})`
		);
	};
	const device = statement('devices', rows.device);
	const visit = statement('visits', rows.visits[0]!);
	const audit = statement('audit', rows.audit[0]!);
	const bump = raw.prepare("UPDATE counters SET value = value + ? WHERE name = 'change'");
	settle();
	const started = performance.now();
	raw.transaction(() => {
		device.run(rows.device);
		bump.run(rows.visits.length);
		for (const v of rows.visits) visit.run(v);
		if (withAudit) for (const a of rows.audit) audit.run({ ...a, id: undefined });
	})();
	return performance.now() - started;
}

/** (b) and (c) on SQLite files in a temporary folder, synchronous=FULL as in production. */
async function applyVersusRaw(): Promise<void> {
	const dir = mkdtempSync(join(tmpdir(), 'fieldcheck-bench-sync-'));
	const caseload = generateCaseload({
		seed: 'bench-sync',
		subjects: 200,
		officers: 4,
		today: '2026-11-27'
	});
	const officer = officersOf(caseload)[0]!;
	const server = await timedFile(dir, 'apply.db', caseload);
	const [rawAll, rawVisits]: Bench[] = [
		await seededFile(dir, 'raw-all.db', caseload),
		await seededFile(dir, 'raw-visits.db', caseload)
	];
	try {
		const sync = server.raw.pragma('synchronous', { simple: true });
		const apply: number[] = [];
		const all: number[] = [];
		const visitsOnly: number[] = [];
		// Whichever transaction commits first after a pause pays for the file system's pending
		// writeback (its COMMIT takes 10-15 ms longer here), so the order alternates: even runs
		// apply first, odd runs insert the raw rows (those the previous apply wrote) first. The
		// ratio is then taken over pairs of runs, one of each order, so each side goes first
		// equally often; and each pair's two sides ran back to back under the same background load.
		const queue: ReturnType<typeof writtenRows>[] = [];
		const rawRun = () => {
			const rows = queue.shift()!;
			return [rawInsert(rawAll!.raw, rows, true), rawInsert(rawVisits!.raw, rows, false)];
		};
		const pairs = Math.max(5, RUNS);
		for (let run = 0; run < 2 + 2 * pairs; run++) {
			const rawFirst = run % 2 === 1 ? rawRun() : undefined;
			const batch = batchFor(officer);
			const deviceId = randomUUID();
			const started = performance.now();
			const res = await applyPush(server.db, officer.id, deviceId, batch);
			const ms = performance.now() - started;
			if (res.lastAppliedSeq !== BATCH) throw new Error('apply failed');
			queue.push(writtenRows(server.raw, deviceId));
			const [a, v] = run === 0 ? [] : (rawFirst ?? rawRun());
			if (run < 2) continue; // warm-up
			apply.push(ms);
			all.push(a!);
			visitsOnly.push(v!);
		}
		const rate = (ms: number[]) => BATCH / (median(ms) / 1000);
		/** raw ÷ apply time over each pair of runs (one apply-first, one raw-first). */
		const pairRatios = (raw: number[]) =>
			Array.from({ length: pairs }, (_, p) => {
				const [i, j] = [2 * p, 2 * p + 1];
				return (raw[i]! + raw[j]!) / (apply[i]! + apply[j]!);
			});
		report('apply-1000-ms', median(apply), {
			unit: 'ms',
			stat: 'median',
			runs: apply.map((t) => round(t)),
			synchronous: sync
		});
		report('raw-same-rows-ms', median(all), {
			unit: 'ms',
			stat: 'median',
			runs: all.map((t) => round(t)),
			rows: 'visits + audit + device'
		});
		report('raw-visit-rows-ms', median(visitsOnly), {
			unit: 'ms',
			stat: 'median',
			runs: visitsOnly.map((t) => round(t)),
			rows: 'visits + device'
		});
		report('apply-rate-per-s', rate(apply), { unit: 'mutations/s' });
		const sameRows = pairRatios(all);
		report('apply-vs-raw-same-rows', median(sameRows), {
			unit: 'ratio',
			stat: 'median over pairs of runs',
			pairs: sameRows.map(ratio),
			ofMedians: ratio(rate(apply) / rate(all)),
			target: '>= 0.5'
		});
		report('apply-vs-raw-visit-rows', median(pairRatios(visitsOnly)), {
			unit: 'ratio',
			stat: 'median over pairs of runs',
			ofMedians: ratio(rate(apply) / rate(visitsOnly))
		});
		await commitTimes(server, officer);
	} finally {
		for (const b of [server, rawAll, rawVisits]) await b?.db.destroy();
		rmSync(dir, { recursive: true, force: true });
	}
}

/** (c) 1,000-mutation batches: the COMMIT (the fsync FULL waits for) and the whole transaction. */
async function commitTimes(
	target: Bench & { commits: number[] },
	officer: ReturnType<typeof officersOf>[number]
): Promise<void> {
	const batches: number[] = [];
	const commits: number[] = [];
	const runs = Math.max(20, RUNS * 3);
	for (let i = 0; i < runs; i++) {
		const batch = batchFor(officer);
		const started = performance.now();
		await applyPush(target.db, officer.id, randomUUID(), batch);
		batches.push(performance.now() - started);
		commits.push(target.commits.at(-1)!);
	}
	report('commit-p95-ms', quantile(commits, 0.95), {
		unit: 'ms',
		stat: 'p95',
		n: commits.length,
		p50: round(median(commits)),
		target: '<= 50'
	});
	report('batch-transaction-p95-ms', quantile(batches, 0.95), {
		unit: 'ms',
		stat: 'p95',
		n: batches.length,
		p50: round(median(batches)),
		note: 'parse + validate + write + commit'
	});
}

await applyVersusRaw();
if (!process.env.BENCH_SKIP_HTTP) await endToEnd();

const v = (metric: string) => lines.find((l) => l.metric === metric)?.value as number;
console.log(
	[
		'',
		`Sync benchmark (${RUNS} runs per figure, medians unless stated):`,
		`${verdict(Math.max(v('e2e-1x1000-ms'), v('e2e-4x250-ms')) <= 5000)}  (a) 1,000 visits over ` +
			`HTTP: 1 × 1000 in ${v('e2e-1x1000-ms')} ms, 4 × 250 in ${v('e2e-4x250-ms')} ms (≤ 5000 ms)`,
		`${verdict(v('apply-vs-raw-same-rows') >= 0.5)}  (b) apply ${v('apply-1000-ms')} ms per ` +
			`1,000 (${Math.round(v('apply-rate-per-s'))}/s) vs raw inserts of the same rows ` +
			`${v('raw-same-rows-ms')} ms: ${v('apply-vs-raw-same-rows')}× raw (≥ 0.5×); visit rows ` +
			`alone ${v('raw-visit-rows-ms')} ms: ${v('apply-vs-raw-visit-rows')}×`,
		`${verdict(v('commit-p95-ms') <= 50)}  (c) COMMIT of a 1,000-mutation batch, ` +
			`synchronous=FULL: p95 ${v('commit-p95-ms')} ms (≤ 50 ms); whole transaction p95 ` +
			`${v('batch-transaction-p95-ms')} ms`
	].join('\n')
);
