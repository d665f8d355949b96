/**
 * bench:station — the station's two heaviest reads on a force-sized database: the dashboard
 * (GET /api/operation/dashboard) and the planning list (GET /api/operation/plan).
 *
 * Builds a fresh SQLite file: 5,000 subjects and 200 officers from the demo generator,
 * 100,000 visits over the last 60 operational days (5 % with a breach, some arrests and
 * referrals) and tonight's assignments. Each read is timed in-process as its route runs it —
 * the same function and JSON serialisation, without HTTP — p50/p95 over BENCH_RUNS runs after a
 * warm-up, next to the raw SQL the read rests on, timed in the same run on the same file
 * through better-sqlite3 directly (the queries of a cold draw: while no subject has changed and
 * no visit has arrived, the route skips re-reading subjects and last visits). CPU time per run
 * is printed beside each, as the wall clock on a shared machine includes waiting for a core.
 * Targets: p95 ≤ 200 ms each.
 *
 *   npm run bench:station            (BENCH_RUNS=40 by default)
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeVisit } from '$lib/domain/testing';
import { addLondonDays } from '$lib/domain/london-time';
import {
	defaultOperationalDay,
	operationalDay,
	shiftWindow
} from '$lib/domain/operation/operational-day';
import type { Insertable } from 'kysely';
import type { VisitsTable } from '$lib/server/db/schema';
import { insertRows } from '$lib/server/db/bulk';
import { openDatabase, reserveSeqs } from '$lib/server/db/connection';
import { dashboard } from '$lib/server/operation/dashboard';
import { planningList } from '$lib/server/operation/planning';
import { refresh } from '$lib/server/operation/projection';
import type { Scope } from '$lib/server/operation/scope';
import { assignCrew } from '$lib/server/operation/assign';
import { generateCaseload } from '$lib/server/seed/generate';
import { writeCaseload } from '$lib/server/seed/store';
import { round, verdicts } from './lib/stats';

const SUBJECTS = 5_000;
const OFFICERS = 200;
const VISITS = 100_000;
const DAYS = 60;
const RUNS = Number(process.env.BENCH_RUNS || 40);
const config = defaultOperationalDay;
const results = ['seen', 'seen', 'seen', 'not-present', 'no-reply', 'refused-entry'] as const;

function percentile(xs: number[], p: number): number {
	const s = [...xs].sort((a, b) => a - b);
	return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
}

/**
 * Wall-clock times, and beside them this process's CPU time per run: on a machine shared with
 * other work the wall clock measures the queue for a core as much as the read, the CPU time
 * does not.
 */
async function time(fn: () => unknown | Promise<unknown>): Promise<number[] & { cpu: number[] }> {
	for (let i = 0; i < 3; i++) await fn();
	const out = Object.assign([] as number[], { cpu: [] as number[] });
	for (let i = 0; i < RUNS; i++) {
		const c = process.cpuUsage();
		const t = performance.now();
		await fn();
		out.push(performance.now() - t);
		const used = process.cpuUsage(c);
		out.cpu.push((used.user + used.system) / 1000);
	}
	return out;
}

const dir = mkdtempSync(join(tmpdir(), 'fieldcheck-bench-station-'));
try {
	const started = performance.now();
	const { db, raw } = await openDatabase(`sqlite:${join(dir, 'bench.db')}`);
	const today = operationalDay(new Date(), config);
	const data = generateCaseload({ seed: 20261201, subjects: SUBJECTS, officers: OFFICERS, today });
	await db.transaction().execute((trx) =>
		writeCaseload(
			trx,
			data,
			data.users.map(() => 'bench: no sign-in')
		)
	);
	const officers = data.users.filter((u) => u.role === 'officer');
	const sergeant = data.users.find((u) => u.role === 'supervisor')!;
	const bySubject = new Map(data.orders.map((o) => [o.subjectId, o]));
	const addressOf = new Map(data.addresses.map((a) => [a.subjectId, a]));

	// Visits: one device per officer, spread over the last DAYS operational days.
	await db.transaction().execute(async (trx) => {
		const now = new Date().toISOString();
		await insertRows(
			trx,
			'devices',
			officers.map((o) => ({
				id: o.id,
				user_id: o.id,
				last_seq: 0,
				registered_at: now,
				revoked_at: null
			}))
		);
		const first = await reserveSeqs(trx, VISITS);
		const rows: Insertable<VisitsTable>[] = [];
		for (let i = 0; i < VISITS; i++) {
			const subject = data.subjects[(i * 7919) % SUBJECTS]!;
			const officer = officers[i % OFFICERS]!;
			const day = addLondonDays(today, -(i % DAYS));
			const start = new Date(
				shiftWindow(day, 'night', config).start.getTime() + ((i * 37) % 480) * 60_000
			);
			const order = bySubject.get(subject.id);
			const breach = i % 20 === 0 && order && order.conditions.length > 0;
			const visit = makeVisit({
				id: randomUUID(),
				subjectId: subject.id,
				addressId: addressOf.get(subject.id)!.id,
				officerId: officer.id,
				startedAt: start.toISOString(),
				finishedAt: new Date(start.getTime() + 12 * 60_000).toISOString(),
				result: breach ? 'seen' : results[i % results.length]!,
				checks: breach
					? [
							{
								orderId: order.id,
								orderVersion: order.version,
								conditionId: order.conditions[0]!.id,
								outcome: 'breach',
								notes: 'Synthetic breach'
							}
						]
					: [],
				actions: {
					arrest: breach ? { custodyReference: `CU/${i}` } : null,
					wordsOfAdvice: false,
					safeguardingReferral: i % 50 === 0 ? { consent: true } : null,
					intelligenceSubmitted: false,
					bodyWornVideoRef: null
				}
			});
			rows.push({
				id: visit.id,
				mutation_id: randomUUID(),
				device_id: officer.id,
				device_seq: Math.floor(i / OFFICERS) + 1,
				officer_id: officer.id,
				subject_id: subject.id,
				address_id: visit.addressId,
				amends: null,
				started_at: visit.startedAt,
				result: visit.result,
				seq: first + i,
				received_at: visit.finishedAt,
				data: JSON.stringify(visit)
			});
		}
		await insertRows(trx, 'visits', rows);
	});
	// Tonight: 600 subjects planned across 100 crews.
	await db.transaction().execute(async (trx) => {
		for (let c = 0; c < 100; c++) {
			await assignCrew(
				trx,
				sergeant.id,
				{
					subjectIds: data.subjects.slice(c * 6, c * 6 + 6).map((s) => s.id),
					officerId: officers[c * 2]!.id,
					secondOfficerId: officers[c * 2 + 1]!.id,
					date: today,
					shift: 'night',
					priority: 2,
					operation: 'Op Bench',
					plannedArrivals: [30, 80, 130, 180, 230, 280],
					plannedMinutes: 320
				},
				config
			);
		}
	});
	const built = performance.now() - started;
	const t = performance.now();
	await refresh(db, config);
	const catchUp = performance.now() - t;

	const scope: Scope = { all: false, teamId: sergeant.teamId };
	const plan = await time(async () =>
		JSON.stringify(await planningList(db, scope, { date: today, shift: 'night' }, config))
	);
	const dash = await time(async () => JSON.stringify(await dashboard(db, scope, today, config)));

	// The SQL each read rests on, straight through better-sqlite3.
	const planSql = [
		raw.prepare('SELECT id, seq, team_id FROM subjects'),
		raw.prepare('SELECT subject_id, officer_id, started_at, result FROM subject_last_visits'),
		raw.prepare(
			'SELECT subject_id, count(*) AS n FROM follow_ups WHERE dealt_with_at IS NULL GROUP BY subject_id'
		),
		raw.prepare(
			`SELECT a.subject_id, a.officer_id, a.crew_id, a.priority, a.operation, a.route_order,
			 c.officer_id AS lead_id, c.second_officer_id FROM assignments a
			 LEFT JOIN crews c ON c.id = a.crew_id WHERE a.date = ? AND a.active = 1`
		),
		raw.prepare('SELECT id, display_name, collar_number, team_id FROM users')
	];
	const planRaw = await time(() => {
		for (const [i, s] of planSql.entries()) s.all(...(i === 3 ? [today] : []));
	});
	const dashSql = [
		raw.prepare(
			`SELECT o.*, r.reviewed_at FROM visit_outcomes o LEFT JOIN visit_reviews r
			 ON r.visit_id = o.visit_id WHERE o.op_date = ?`
		),
		raw.prepare(
			`SELECT subject_id, officer_id, crew_id, delivered_at, planned_arrival, route_order, shift
			 FROM assignments WHERE date = ? AND active = 1`
		),
		raw.prepare('SELECT count(*) AS n FROM follow_ups WHERE dealt_with_at IS NULL'),
		raw.prepare('SELECT id, seq, team_id FROM subjects'),
		raw.prepare('SELECT id, display_name FROM users')
	];
	const dashRaw = await time(() => {
		for (const [i, s] of dashSql.entries()) s.all(...(i < 2 ? [today] : []));
	});

	type Timed = number[] & { cpu: number[] };
	const line = (name: string, xs: Timed, rawXs: Timed) =>
		`${name.padEnd(16)} p50 ${round(percentile(xs, 50))} ms  p95 ${round(percentile(xs, 95))} ms` +
		` (CPU p50 ${round(percentile(xs.cpu, 50))} ms)` +
		`   | raw SQL p50 ${round(percentile(rawXs, 50))} ms  p95 ${round(percentile(rawXs, 95))} ms` +
		` (CPU p50 ${round(percentile(rawXs.cpu, 50))} ms)`;
	console.log(
		[
			`bench:station — ${SUBJECTS} subjects, ${OFFICERS} officers, ${VISITS} visits over ${DAYS} days, 600 assigned tonight; ${RUNS} runs each`,
			`(database built in ${round(built / 1000)} s; first projection of ${VISITS} visits ${round(catchUp)} ms, once;` +
				` load average ${round(loadavg()[0]!)} on ${cpus().length} cores)`,
			line('planning list', plan, planRaw),
			line('dashboard', dash, dashRaw),
			...verdicts([
				{ name: 'planning list p95', measured: percentile(plan, 95), limit: 200, unit: 'ms' },
				{ name: 'dashboard p95', measured: percentile(dash, 95), limit: 200, unit: 'ms' }
			])
		].join('\n')
	);
	await db.destroy();
} finally {
	rmSync(dir, { recursive: true, force: true });
}
