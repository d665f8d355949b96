/**
 * Auto-plan: split a sergeant's selected stops across crews, each crew a route from its start
 * back to its end within its shift. Balances each crew's travel + visit time, keeps curfew windows
 * wherever they can be kept, visits higher-priority stops earlier, and keeps pinned stops with
 * their crew. Stops that fit no crew without breaking a window or the shift are returned as
 * unassigned rather than squeezed in late.
 *
 * Travel model: great-circle distance × detourFactor at speedKmh, the officer's route page's model.
 * Deterministic for a seed: an iteration cap ends the search, and timeLimitMs is only a ceiling.
 */
import { z } from 'zod';
import { compileCrewModel, costRoute, visitStarts, type CrewModel } from './crew-model';
import type { PlanState } from './crew-plan-state';
import { searchCrews } from './crew-search';
import { DEFAULT_CIRCUITY, DEFAULT_SPEED_KMH } from './matrix';
import { mulberry32 } from './prng';

export interface CrewStop {
	id: string;
	lat: number;
	lng: number;
	serviceMinutes: number;
	/** 0 (standard) .. 1 (wanted). */
	priority: number;
	/** Minutes from shift start. */
	window?: { open: number; close: number };
	pinnedCrew?: string;
}

export interface Crew {
	id: string;
	start: { lat: number; lng: number };
	/** Where the route ends; the start when absent (back to the station). */
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
	/** Per stop, the minute from shift start the visit begins (early crews wait for the window). */
	arrivals: number[];
	travelMinutes: number;
	serviceMinutes: number;
	/** Leaving the start to reaching the end, waiting included; 0 when the crew has no stops. */
	durationMinutes: number;
	/** Stops visited after their window closes, or finishing after the shift ends (only pins). */
	late: string[];
}

export interface MultiCrewPlan {
	routes: CrewRoute[];
	unassigned: string[];
}

const point = z.object({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) });

/** The same shape as a zod schema, for API boundaries. */
export const multiCrewProblemSchema = z.object({
	crews: z
		.array(
			z.object({
				id: z.string().min(1),
				start: point,
				end: point.optional(),
				shiftMinutes: z
					.number()
					.positive()
					.max(24 * 60)
			})
		)
		.max(50),
	stops: z
		.array(
			point.extend({
				id: z.string().min(1),
				serviceMinutes: z
					.number()
					.min(0)
					.max(24 * 60),
				priority: z.number().min(0).max(1),
				window: z
					.object({ open: z.number().finite(), close: z.number().finite() })
					.refine((w) => w.open <= w.close, 'window closes before it opens')
					.optional(),
				pinnedCrew: z.string().min(1).optional()
			})
		)
		.max(500),
	speedKmh: z.number().positive().max(200).optional(),
	detourFactor: z.number().min(1).max(5).optional(),
	seed: z.number().int().optional(),
	timeLimitMs: z.number().positive().max(60_000).optional()
}) satisfies z.ZodType<MultiCrewProblem>;

/** A ceiling for slow machines (the polish after it may add a quarter); typical plans take far less. */
export const DEFAULT_PLAN_TIME_LIMIT_MS = 1200;

/** Ruin-and-recreate rounds: enough to settle 60 stops and 6 crews in well under a second. */
export function defaultPlanIterations(stops: number): number {
	return Math.min(1500, 100 + 15 * stops);
}

export function planCrews(problem: MultiCrewProblem): MultiCrewPlan {
	const model = compile(problem);
	if (model.crews === 0) return { routes: [], unassigned: problem.stops.map((s) => s.id) };
	const state = searchCrews(model, {
		random: mulberry32(problem.seed ?? 1),
		maxIterations: defaultPlanIterations(model.n),
		timeLimitMs: problem.timeLimitMs ?? DEFAULT_PLAN_TIME_LIMIT_MS,
		now: () => performance.now()
	});
	return toPlan(problem, model, state);
}

function compile(problem: MultiCrewProblem): CrewModel {
	const crewIndex = new Map<string, number>();
	problem.crews.forEach((c, k) => {
		if (crewIndex.has(c.id)) throw new RangeError(`crew ${c.id} is listed twice`);
		if (!(c.shiftMinutes > 0)) throw new RangeError(`crew ${c.id} has no shift`);
		crewIndex.set(c.id, k);
	});
	const ids = new Set<string>();
	for (const s of problem.stops) {
		if (ids.has(s.id)) throw new RangeError(`stop ${s.id} is listed twice`);
		ids.add(s.id);
		if (!(s.priority >= 0 && s.priority <= 1)) throw new RangeError('priority must be in 0..1');
		if (!(s.serviceMinutes >= 0)) throw new RangeError('serviceMinutes must be >= 0');
		if (s.window && !(s.window.open <= s.window.close)) {
			throw new RangeError(`window of ${s.id} closes before it opens`);
		}
		if (s.pinnedCrew !== undefined && !crewIndex.has(s.pinnedCrew)) {
			throw new RangeError(`stop ${s.id} is pinned to unknown crew ${s.pinnedCrew}`);
		}
	}
	const toLatLon = (p: { lat: number; lng: number }) => ({ lat: p.lat, lon: p.lng });
	return compileCrewModel({
		points: [
			...problem.stops.map(toLatLon),
			...problem.crews.flatMap((c) => [toLatLon(c.start), toLatLon(c.end ?? c.start)])
		],
		service: problem.stops.map((s) => s.serviceMinutes),
		open: problem.stops.map((s) => s.window?.open ?? -Infinity),
		close: problem.stops.map((s) => s.window?.close ?? Infinity),
		priority: problem.stops.map((s) => s.priority),
		pinned: problem.stops.map((s) =>
			s.pinnedCrew === undefined ? -1 : crewIndex.get(s.pinnedCrew)!
		),
		shift: problem.crews.map((c) => c.shiftMinutes),
		speedKmh: problem.speedKmh ?? DEFAULT_SPEED_KMH,
		detourFactor: problem.detourFactor ?? DEFAULT_CIRCUITY
	});
}

const LATE_EPSILON = 1e-6;
const round2 = (x: number) => Math.round(x * 100) / 100;

function toPlan(problem: MultiCrewProblem, model: CrewModel, state: PlanState): MultiCrewPlan {
	const routes = problem.crews.map((crew, k): CrewRoute => {
		const route = state.routes[k]!;
		const stats = costRoute(model, k, route, route.length, {
			duration: 0,
			travel: 0,
			work: 0,
			late: 0,
			prio: 0
		});
		const starts = visitStarts(model, k, route);
		const late = route.filter((s, i) => {
			const start = starts[i]!;
			return (
				start > model.close[s]! + LATE_EPSILON ||
				start + model.service[s]! > crew.shiftMinutes + LATE_EPSILON
			);
		});
		const service = route.reduce((a, s) => a + model.service[s]!, 0);
		return {
			crewId: crew.id,
			stopIds: route.map((s) => problem.stops[s]!.id),
			arrivals: starts.map(round2),
			travelMinutes: round2(stats.travel),
			serviceMinutes: round2(service),
			durationMinutes: round2(stats.duration),
			late: late.map((s) => problem.stops[s]!.id)
		};
	});
	const unassigned = problem.stops.filter((_, s) => state.crewOf[s]! < 0).map((s) => s.id);
	return { routes, unassigned };
}
