/**
 * INTERIM auto-plan, until `src/lib/domain/route/multi-crew.ts` (h10route) lands on main: the
 * same contract (`planCrews(problem)`, types as in docs/contracts), implemented as a plain
 * baseline — sweep the stops by bearing from the first crew's start into contiguous sectors of
 * equal visit time, pins honoured, then each crew's order by the single-crew optimiser.
 * The operation code imports planCrews through `server/operation/auto-plan.ts` only, so
 * switching to h10route's search is one import there.
 */
import { haversineMatrix, optimiseRoute, travelTimeMatrix } from '../route';

export interface CrewStop {
	id: string;
	lat: number;
	lng: number;
	serviceMinutes: number;
	priority: number;
	window?: { open: number; close: number };
	pinnedCrew?: string;
}
export interface Crew {
	id: string;
	start: { lat: number; lng: number };
	end?: { lat: number; lng: number };
	shiftMinutes: number;
}
export interface MultiCrewProblem {
	crews: Crew[];
	stops: CrewStop[];
	speedKmh?: number;
	detourFactor?: number;
	seed?: number;
	timeLimitMs?: number;
}
export interface CrewRoute {
	crewId: string;
	stopIds: string[];
	arrivals: number[];
	travelMinutes: number;
	serviceMinutes: number;
	durationMinutes: number;
	late: string[];
}
export interface MultiCrewPlan {
	routes: CrewRoute[];
	unassigned: string[];
}

export function planCrews(problem: MultiCrewProblem): MultiCrewPlan {
	const { crews } = problem;
	const groups = new Map<string, CrewStop[]>(crews.map((c) => [c.id, []]));
	const free = problem.stops.filter((s) => !(s.pinnedCrew && groups.has(s.pinnedCrew)));
	for (const s of problem.stops)
		if (s.pinnedCrew && groups.has(s.pinnedCrew)) groups.get(s.pinnedCrew)!.push(s);
	const origin = crews[0]!.start;
	const bearing = (s: CrewStop) => Math.atan2(s.lat - origin.lat, s.lng - origin.lng);
	free.sort((a, b) => bearing(a) - bearing(b));
	const total = problem.stops.reduce((t, s) => t + s.serviceMinutes, 0);
	const target = total / crews.length;
	let i = 0;
	for (const [k, crew] of crews.entries()) {
		const g = groups.get(crew.id)!;
		let load = g.reduce((t, s) => t + s.serviceMinutes, 0);
		while (i < free.length && (k === crews.length - 1 || load < target)) {
			g.push(free[i]!);
			load += free[i]!.serviceMinutes;
			i++;
		}
	}
	return {
		routes: crews.map((crew) => routeOne(crew, groups.get(crew.id)!, problem)),
		unassigned: []
	};
}

function routeOne(crew: Crew, stops: CrewStop[], problem: MultiCrewProblem): CrewRoute {
	const serviceMinutes = stops.reduce((t, s) => t + s.serviceMinutes, 0);
	if (stops.length === 0) {
		return {
			crewId: crew.id,
			stopIds: [],
			arrivals: [],
			travelMinutes: 0,
			serviceMinutes: 0,
			durationMinutes: 0,
			late: []
		};
	}
	const points = [crew.start, ...stops].map((p) => ({ lat: p.lat, lon: p.lng }));
	const distanceM = haversineMatrix(points, problem.detourFactor);
	const travelMin = travelTimeMatrix(distanceM, problem.speedKmh);
	const result = optimiseRoute(
		{
			distanceM,
			travelMin,
			stops: stops.map((s) => ({
				id: s.id,
				serviceMin: s.serviceMinutes,
				priority: s.priority,
				...(s.window ? { window: [s.window.open, s.window.close] as const } : {})
			}))
		},
		{ seed: problem.seed ?? 1, timeBudgetMs: problem.timeLimitMs ?? 1000 }
	);
	const ordered = result.order.map((k) => stops[k]!);
	const durationMinutes = result.durationMin;
	return {
		crewId: crew.id,
		stopIds: ordered.map((s) => s.id),
		arrivals: result.arrivalMin.slice(0, ordered.length),
		travelMinutes: durationMinutes - serviceMinutes,
		serviceMinutes,
		durationMinutes,
		late: ordered.filter((_, k) => (result.lateMin[k] ?? 0) > 0).map((s) => s.id)
	};
}
