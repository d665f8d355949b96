/**
 * Route optimiser benchmark: `npm run bench:route` (everything below, then verdicts against the
 * targets of issue 10) or `npx tsx bench/route.ts [--seed=N] [--iterations=N] FILES…` (just the
 * named files, as before).
 *
 * With no FILES it runs, in order: every plain instance (the TSPLIB directory and the JSON files
 * in bench/route-instances, one line each, as below); the windowed TSPLIB instances
 * (bench/route-windowed.ts: {"metric":"windowed-tsplib",…} lines, gap to the optimum and time);
 * the auto-plan against its sweep baseline (bench/route-crews.ts: {"metric":"auto-plan",…}); then
 * a {"metric":"summary"} line and PASS/FAIL lines. Times are medians over BENCH_RUNS (default 3).
 *
 * FILES are TSPLIB EUC_2D `.tsp` files or JSON instances (a directory means every such file in
 * it). Prints one JSON line per instance to stdout:
 *   {"name","n","length","ms","feasible","gapPct","tour"}
 * and a summary by size class to stderr (wall and CPU milliseconds, mean and max gap).
 *
 * - TSPLIB: node 1 is the depot and the rest are stops; distances are TSPLIB's nint-rounded
 *   Euclidean; `n` is the DIMENSION (depot included, as TSPLIB counts); `tour` lists node
 *   numbers after the depot; `gapPct` is against optima.json (../shared/bench-data/tsplib from
 *   the repository, or the file named by ROUTE_BENCH_OPTIMA), null when the name is not there.
 * - JSON: {"name","depot":{"lat","lon"},"stops":[{"id","lat","lon","priority"?,"window"?,
 *   "serviceMin"?}],"speedKmh"?,"circuity"?}; haversine × circuity (default 1.3) metres, 40 km/h;
 *   a closed tour from the depot; `n` is the number of stops; `tour` lists stop ids.
 *
 * `ms` covers building the matrix and optimising, with the default options (iteration cap, seed
 * 1). Two small unreported instances run first so JIT warm-up is not billed to the first file.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { haversineMatrix, tsplibEuc2dMatrix, type Matrix } from '../src/lib/domain/route/matrix';
import { optimiseRoute, type OptimiseOptions } from '../src/lib/domain/route/optimise';
import type { RouteStop } from '../src/lib/domain/route/problem';
import { parseTsplib } from '../src/lib/domain/route/tsplib';
import { runCrews, type CrewRow } from './route-crews';
import { runWindowed, type WindowedRow } from './route-windowed';
import { median, round, verdicts } from './lib/stats';

interface Instance {
	name: string;
	n: number;
	/** Stop labels for the tour line, in stops order. */
	labels: (string | number)[];
	stops: RouteStop[];
	matrix: () => Matrix;
	speedKmh?: number;
}

const here = dirname(fileURLToPath(import.meta.url));
const ownDir = resolve(here, 'route-instances');
const RUNS = Number(process.env.BENCH_RUNS || 3);
const optimaPath =
	process.env.ROUTE_BENCH_OPTIMA ?? resolve(here, '../../shared/bench-data/tsplib/optima.json');

function parseTsp(path: string): Instance {
	const { name, points } = parseTsplib(readFileSync(path, 'utf8'), basename(path, '.tsp'));
	return {
		name,
		n: points.length,
		labels: points.slice(1).map((_, i) => i + 2),
		stops: points.slice(1).map((_, i) => ({ id: String(i + 2) })),
		matrix: () => tsplibEuc2dMatrix(points)
	};
}

const latLon = z.object({ lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180) });
const jsonInstanceSchema = z.object({
	name: z.string().min(1),
	depot: latLon,
	stops: z.array(
		latLon.extend({
			id: z.string().min(1),
			priority: z.number().min(0).max(1).optional(),
			window: z.tuple([z.number(), z.number()]).optional(),
			serviceMin: z.number().nonnegative().optional()
		})
	),
	speedKmh: z.number().positive().optional(),
	circuity: z.number().min(1).optional()
});

function parseJson(path: string): Instance {
	const raw = jsonInstanceSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
	return {
		name: raw.name,
		n: raw.stops.length,
		labels: raw.stops.map((s) => s.id),
		stops: raw.stops.map(({ id, priority, window, serviceMin }) => ({
			id,
			priority,
			window,
			serviceMin
		})),
		matrix: () => haversineMatrix([raw.depot, ...raw.stops], raw.circuity),
		speedKmh: raw.speedKmh
	};
}

function expand(arg: string): string[] {
	if (!statSync(arg).isDirectory()) return [arg];
	return readdirSync(arg)
		.filter((f) => f.endsWith('.tsp') || (f.endsWith('.json') && f !== 'optima.json'))
		.sort()
		.map((f) => join(arg, f));
}

function readOptima(): Record<string, number> {
	try {
		return z.record(z.string(), z.number()).parse(JSON.parse(readFileSync(optimaPath, 'utf8')));
	} catch (error) {
		console.error(`no optima (${optimaPath}): ${(error as Error).message}; gapPct will be null`);
		return {};
	}
}

function solve(instance: Instance, options: OptimiseOptions) {
	const started = performance.now();
	const cpu = process.cpuUsage();
	const result = optimiseRoute(
		{ distanceM: instance.matrix(), stops: instance.stops, speedKmh: instance.speedKmh },
		options
	);
	const { user, system } = process.cpuUsage(cpu);
	return { result, ms: performance.now() - started, cpuMs: (user + system) / 1000 };
}

/** Solve one small plain and one small windowed instance, so both searches are compiled. */
function warmUp(options: OptimiseOptions): void {
	const points = Array.from({ length: 60 }, (_, i) => ({ x: (i * 37) % 101, y: (i * 53) % 97 }));
	for (const window of [undefined, [0, 30] as [number, number]]) {
		solve(
			{
				name: 'warm-up',
				n: 60,
				labels: [],
				stops: points.slice(1).map((_, i) => ({ id: String(i), window: i ? undefined : window })),
				matrix: () => tsplibEuc2dMatrix(points)
			},
			options
		);
	}
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

function main(argv: string[]): void {
	const flags = new Map(
		argv.filter((a) => a.startsWith('--')).map((a) => a.slice(2).split('=') as [string, string])
	);
	const named = argv.filter((a) => !a.startsWith('--'));
	// No files: the full benchmark (plain instances, windowed TSPLIB, auto-plan) with verdicts.
	const full = named.length === 0;
	const files = (full ? [dirname(optimaPath), ownDir] : named).flatMap(expand);
	const options: OptimiseOptions = {
		seed: flags.has('seed') ? Number(flags.get('seed')) : undefined,
		maxIterations: flags.has('iterations') ? Number(flags.get('iterations')) : undefined
	};
	const optima = readOptima();
	warmUp(options);

	const rows: { n: number; ms: number; cpuMs: number; gapPct: number | null; feasible: boolean }[] =
		[];
	for (const file of files) {
		const instance = file.endsWith('.tsp') ? parseTsp(file) : parseJson(file);
		const { result, ms, cpuMs } = solve(instance, options);
		const optimum = optima[instance.name];
		const gapPct =
			optimum === undefined ? null : round(((result.lengthM - optimum) / optimum) * 100, 3);
		const row = {
			name: instance.name,
			n: instance.n,
			length: round(result.lengthM, 1),
			ms: round(ms, 1),
			feasible: result.feasible,
			gapPct,
			tour: result.order.map((s) => instance.labels[s]!)
		};
		console.log(JSON.stringify(row));
		rows.push({ ...row, cpuMs });
	}

	const classes: [string, (n: number) => boolean][] = [
		['n<=100', (n) => n <= 100],
		['100<n<=200', (n) => n > 100 && n <= 200],
		['n>200', (n) => n > 200]
	];
	const summary: Record<string, unknown> = {
		instances: rows.length,
		medianMs: round(median(rows.map((r) => r.ms)), 1),
		maxMs: round(Math.max(...rows.map((r) => r.ms)), 1),
		// CPU time next to wall time: on a shared machine the difference is waiting for a core.
		medianCpuMs: round(median(rows.map((r) => r.cpuMs)), 1),
		infeasible: rows.filter((r) => !r.feasible).length
	};
	for (const [label, inClass] of classes) {
		const members = rows.filter((r) => inClass(r.n));
		if (members.length === 0) continue;
		const gaps = members.flatMap((r) => (r.gapPct === null ? [] : [r.gapPct]));
		summary[label] = {
			instances: members.length,
			meanGapPct: gaps.length ? round(mean(gaps), 3) : null,
			maxGapPct: gaps.length ? round(Math.max(...gaps), 3) : null,
			medianMs: round(median(members.map((r) => r.ms)), 1),
			maxMs: round(Math.max(...members.map((r) => r.ms)), 1),
			medianCpuMs: round(median(members.map((r) => r.cpuMs)), 1),
			maxCpuMs: round(Math.max(...members.map((r) => r.cpuMs)), 1)
		};
	}
	console.error(`summary ${JSON.stringify(summary)}`);
	if (full) runSuites(optima);
}

/** Windowed TSPLIB and auto-plan figures, then a summary against the targets. */
function runSuites(optima: Record<string, number>): void {
	const emit = (line: Record<string, unknown>) => console.log(JSON.stringify(line));
	const windowed = runWindowed(dirname(optimaPath), ownDir, optima, RUNS, emit);
	const crews = runCrews(dirname(optimaPath), RUNS, emit);
	const w100 = windowed.filter((r) => r.stops <= 110);
	const gaps = windowed.map((r) => r.gapPct);
	const big = crews.filter((r) => r.stops >= 60 && r.crews >= 6);
	const ratio = (pick: (r: CrewRow) => number) => mean(crews.map(pick));
	const windowedSummary = (rows: WindowedRow[]) => ({
		instances: rows.length,
		meanGapPct: round(mean(rows.map((r) => r.gapPct)), 3),
		worstGapPct: round(Math.max(...rows.map((r) => r.gapPct)), 3),
		medianMs: round(median(rows.map((r) => r.ms))),
		maxMs: round(Math.max(...rows.map((r) => r.ms))),
		maxCpuMs: round(Math.max(...rows.map((r) => r.cpuMs)))
	});
	const summary = {
		metric: 'summary',
		runs: RUNS,
		windowed100: windowedSummary(w100),
		windowed200: windowedSummary(windowed.filter((r) => r.stops > 110)),
		autoPlan: {
			instances: crews.length,
			totalVsBaseline: round(
				ratio((r) => r.plan.totalMin / r.baseline.totalMin),
				3
			),
			makespanVsBaseline: round(
				ratio((r) => r.plan.makespanMin / r.baseline.makespanMin),
				3
			),
			meanBalance: round(
				ratio((r) => r.plan.balance),
				3
			),
			meanBaselineBalance: round(
				ratio((r) => r.baseline.balance),
				3
			),
			unassigned: crews.reduce((a, r) => a + r.plan.unassigned, 0),
			baselineUnassigned: crews.reduce((a, r) => a + r.baseline.unassigned, 0),
			late: crews.reduce((a, r) => a + r.plan.late, 0),
			baselineLate: crews.reduce((a, r) => a + r.baseline.late, 0),
			maxMs60x6: round(Math.max(...big.map((r) => r.plan.ms))),
			maxCpuMs60x6: round(Math.max(...big.map((r) => r.plan.cpuMs)))
		}
	};
	emit(summary);
	const lines = verdicts([
		{ name: 'windowed TSPLIB, mean gap', measured: mean(gaps), limit: 0.5, unit: '%' },
		{ name: 'windowed TSPLIB, worst gap', measured: Math.max(...gaps), limit: 2, unit: '%' },
		{
			name: 'windowed search at ~100 stops, slowest instance (median wall time)',
			measured: Math.max(...w100.map((r) => r.ms)),
			limit: 1000,
			unit: 'ms'
		},
		{
			name: 'auto-plan, 60 stops and 6 crews, slowest instance (median wall time)',
			measured: summary.autoPlan.maxMs60x6,
			limit: 2000,
			unit: 'ms'
		},
		{
			name: 'auto-plan total crew time vs sweep baseline (mean ratio)',
			measured: summary.autoPlan.totalVsBaseline,
			limit: 1,
			unit: '×'
		},
		{
			name: 'auto-plan makespan vs sweep baseline (mean ratio)',
			measured: summary.autoPlan.makespanVsBaseline,
			limit: 1,
			unit: '×'
		}
	]);
	console.log(
		`\nMedians of ${RUNS} runs (CPU next to wall time in each line: the machine is shared):`
	);
	for (const line of lines) console.log(`  ${line}`);
}

main(process.argv.slice(2));
