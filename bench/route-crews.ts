/**
 * `bench:route`, multi-crew part: the auto-plan (planCrews) against a documented baseline, on
 * synthetic Bedfordshire caseloads and on TSPLIB coordinates laid over the county.
 *
 * Baseline ("route first, cluster second"): the single-vehicle optimum through every stop from the
 * station (the TSP search, windows ignored), cut into k contiguous pieces of equal work (travel
 * along the tour + visits) as a sweep along the tour would, each piece then re-optimised for its
 * crew with windows and shift (planCrews with that one crew). It is what a sergeant gets by
 * drawing one good round and handing out consecutive stretches of it.
 *
 * Figures per plan: total crew time (Σ duration), makespan (the longest crew's duration), balance
 * (the busiest crew's work, travel + visits, over the mean), unassigned and late stops, time.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bedfordshireCrewProblem, STATION } from '../src/lib/domain/route/crew-instances';
import { haversineMatrix } from '../src/lib/domain/route/matrix';
import {
	planCrews,
	type CrewStop,
	type MultiCrewPlan,
	type MultiCrewProblem
} from '../src/lib/domain/route/multi-crew';
import { optimiseRoute } from '../src/lib/domain/route/optimise';
import { mulberry32 } from '../src/lib/domain/route/prng';
import { parseTsplib } from '../src/lib/domain/route/tsplib';
import { median, round } from './lib/stats';

export interface PlanFigures {
	totalMin: number;
	makespanMin: number;
	/** Busiest crew's work over the mean crew's work: 1 is perfect balance. */
	balance: number;
	unassigned: number;
	late: number;
	ms: number;
	cpuMs: number;
}

export interface CrewRow {
	name: string;
	stops: number;
	crews: number;
	plan: PlanFigures;
	baseline: PlanFigures;
}

/** TSPLIB city 1 is the station, the next `stops` cities the stops, scaled into a 30 km square. */
function tsplibCrewProblem(dir: string, name: string, stops: number, crews: number) {
	const { points } = parseTsplib(readFileSync(join(dir, `${name}.tsp`), 'utf8'), name);
	const used = points.slice(0, stops + 1);
	const xs = used.map((p) => p.x);
	const ys = used.map((p) => p.y);
	const span = Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys));
	const at = (p: { x: number; y: number }) => ({
		lat: 51.99 + ((p.y - Math.min(...ys)) / span) * 0.27,
		lng: -0.69 + ((p.x - Math.min(...xs)) / span) * 0.44
	});
	const random = mulberry32(stops * 31 + crews);
	const stopList: CrewStop[] = used.slice(1).map((p, i) => {
		const stop: CrewStop = { id: `${name}-${i + 2}`, ...at(p), serviceMinutes: 15, priority: 0 };
		if (random() < 0.15) stop.priority = 1;
		if (random() < 0.25) {
			const open = Math.floor(random() * 360);
			stop.window = { open, close: open + 60 };
		}
		return stop;
	});
	const start = at(used[0]!);
	return {
		crews: Array.from({ length: crews }, (_, k) => ({
			id: `crew-${k + 1}`,
			start,
			shiftMinutes: 480
		})),
		stops: stopList
	};
}

export function crewInstances(tsplibDir: string): { name: string; problem: MultiCrewProblem }[] {
	return [
		{ name: 'beds-30x3', problem: bedfordshireCrewProblem(1, 30, 3) },
		{ name: 'beds-45x4-5towns', problem: bedfordshireCrewProblem(2, 45, 4, { towns: 5 }) },
		{ name: 'beds-60x6', problem: bedfordshireCrewProblem(3, 60, 6) },
		{ name: 'beds-60x6-3towns', problem: bedfordshireCrewProblem(4, 60, 6, { towns: 3 }) },
		{ name: 'beds-60x6-pins', problem: bedfordshireCrewProblem(5, 60, 6, { pins: 6 }) },
		{ name: 'berlin52-51x4', problem: tsplibCrewProblem(tsplibDir, 'berlin52', 51, 4) },
		{ name: 'eil51-50x5', problem: tsplibCrewProblem(tsplibDir, 'eil51', 50, 5) },
		{ name: 'st70-60x6', problem: tsplibCrewProblem(tsplibDir, 'st70', 60, 6) }
	];
}

/** The baseline described above; pinned stops go to their crew's piece. */
export function sweepBaseline(problem: MultiCrewProblem): MultiCrewPlan {
	const { crews } = problem;
	const free = problem.stops.filter((s) => s.pinnedCrew === undefined);
	const station = crews[0]?.start ?? STATION;
	const points = [station, ...free].map((p) => ({ lat: p.lat, lon: p.lng }));
	const distanceM = haversineMatrix(points, problem.detourFactor);
	const giant = optimiseRoute({ distanceM, stops: free.map((s) => ({ id: s.id })) }).order;
	const minutes = (i: number, j: number) => distanceM.data[i * distanceM.n + j]! / (40_000 / 60);
	// Work of each stop along the tour: the drive to it plus its visit.
	const work = giant.map(
		(s, i) => minutes(i === 0 ? 0 : giant[i - 1]! + 1, s + 1) + free[s]!.serviceMinutes
	);
	const total = work.reduce((a, b) => a + b, 0);
	const pieces: CrewStop[][] = crews.map((c) => problem.stops.filter((s) => s.pinnedCrew === c.id));
	let done = 0;
	giant.forEach((s, i) => {
		const k = Math.min(
			crews.length - 1,
			Math.floor(((done + work[i]! / 2) / total) * crews.length)
		);
		pieces[k]!.push(free[s]!);
		done += work[i]!;
	});
	const plans = crews.map((crew, k) => planCrews({ ...problem, crews: [crew], stops: pieces[k]! }));
	return { routes: plans.map((p) => p.routes[0]!), unassigned: plans.flatMap((p) => p.unassigned) };
}

function figures(plan: MultiCrewPlan, ms: number, cpuMs: number): PlanFigures {
	const durations = plan.routes.map((r) => r.durationMinutes);
	const work = plan.routes.map((r) => r.travelMinutes + r.serviceMinutes);
	const mean = work.reduce((a, b) => a + b, 0) / work.length;
	return {
		totalMin: durations.reduce((a, b) => a + b, 0),
		makespanMin: Math.max(...durations),
		balance: mean > 0 ? Math.max(...work) / mean : 1,
		unassigned: plan.unassigned.length,
		late: plan.routes.reduce((a, r) => a + r.late.length, 0),
		ms,
		cpuMs
	};
}

function timed(runs: number, solve: () => MultiCrewPlan): PlanFigures {
	let plan = solve();
	const ms: number[] = [];
	const cpuMs: number[] = [];
	for (let run = 0; run < runs; run++) {
		const started = performance.now();
		const cpu = process.cpuUsage();
		plan = solve();
		const { user, system } = process.cpuUsage(cpu);
		ms.push(performance.now() - started);
		cpuMs.push((user + system) / 1000);
	}
	return figures(plan, median(ms), median(cpuMs));
}

const rounded = (f: PlanFigures) => ({
	...f,
	totalMin: round(f.totalMin),
	makespanMin: round(f.makespanMin),
	balance: round(f.balance, 3),
	ms: round(f.ms),
	cpuMs: round(f.cpuMs)
});

export function runCrews(
	tsplibDir: string,
	runs: number,
	emit: (line: Record<string, unknown>) => void
): CrewRow[] {
	return crewInstances(tsplibDir).map(({ name, problem }) => {
		const row: CrewRow = {
			name,
			stops: problem.stops.length,
			crews: problem.crews.length,
			plan: timed(runs, () => planCrews(problem)),
			baseline: timed(runs, () => sweepBaseline(problem))
		};
		emit({ metric: 'auto-plan', ...row, plan: rounded(row.plan), baseline: rounded(row.baseline) });
		return row;
	});
}
