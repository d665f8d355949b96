/**
 * `bench:route`, windowed part: TSPLIB instances with windows cut around an optimal tour
 * (src/lib/domain/route/tsplib.ts), so the TSP optimum is the windowed optimum. Each instance at
 * three window widths: each side of a window reaches up to 1 %, 10 % or 100 % of the tour's length
 * from the arrival (drawn per stop), from nearly forced to nearly free. The gap is deterministic
 * (seed 1); times are medians over the runs.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { optimiseRoute } from '../src/lib/domain/route/optimise';
import { parseTour, parseTsplib, windowedInstance } from '../src/lib/domain/route/tsplib';
import { median, round } from './lib/stats';

/** Stops (cities less the depot) about 100 and 200: every such instance with a known optimal tour. */
export const WINDOWED_INSTANCES = [
	'rat99',
	'kroA100',
	'kroC100',
	'rd100',
	'eil101',
	'lin105',
	'kroA200'
];
export const WINDOW_SIDES = [0.01, 0.1, 1];

export interface WindowedRow {
	name: string;
	stops: number;
	maxSidePct: number;
	feasible: boolean;
	gapPct: number;
	ms: number;
	cpuMs: number;
}

/** `.opt.tour` from TSPLIB's directory, else ours (kroA200, rat99: TSPLIB has the length only). */
function tourFile(name: string, tsplibDir: string, ownDir: string): string {
	const theirs = join(tsplibDir, `${name}.opt.tour`);
	return existsSync(theirs) ? theirs : join(ownDir, `${name}.opt.tour`);
}

export function runWindowed(
	tsplibDir: string,
	ownDir: string,
	optima: Record<string, number>,
	runs: number,
	emit: (line: Record<string, unknown>) => void
): WindowedRow[] {
	const rows: WindowedRow[] = [];
	for (const name of WINDOWED_INSTANCES) {
		const instance = parseTsplib(readFileSync(join(tsplibDir, `${name}.tsp`), 'utf8'), name);
		const tour = parseTour(
			readFileSync(tourFile(name, tsplibDir, ownDir), 'utf8'),
			instance.points.length
		);
		const optimum = optima[name];
		if (optimum === undefined) throw new Error(`no published optimum for ${name}`);
		for (const side of WINDOW_SIDES) {
			const w = windowedInstance(instance, tour, side * optimum);
			if (w.length !== optimum) throw new Error(`${name}: the optimal tour is ${w.length} long`);
			const ms: number[] = [];
			const cpuMs: number[] = [];
			let result = optimiseRoute(w.problem);
			for (let run = 0; run < runs; run++) {
				const started = performance.now();
				const cpu = process.cpuUsage();
				result = optimiseRoute(w.problem);
				const { user, system } = process.cpuUsage(cpu);
				ms.push(performance.now() - started);
				cpuMs.push((user + system) / 1000);
			}
			const row: WindowedRow = {
				name,
				stops: w.problem.stops.length,
				maxSidePct: side * 100,
				feasible: result.feasible,
				gapPct: result.feasible ? ((result.lengthM - optimum) / optimum) * 100 : Infinity,
				ms: median(ms),
				cpuMs: median(cpuMs)
			};
			emit({
				metric: 'windowed-tsplib',
				...row,
				gapPct: round(row.gapPct, 3),
				ms: round(row.ms),
				cpuMs: round(row.cpuMs),
				length: result.lengthM,
				optimum
			});
			rows.push(row);
		}
	}
	return rows;
}
