/**
 * The route screen's actions, apart from its state: gathering the candidates, planning a new
 * route (GPS or station, travel figures, optimiser) and asking the worker for new orders.
 */
import type { SubjectBundle, TeamVisit } from '$lib/domain/caseload';
import {
	operationalDay,
	todayWindow,
	type OperationalDayConfig
} from '$lib/domain/operation/operational-day';
import { inCurrentOperationalDay } from '$lib/domain/operation/team-visit';
import type { RoutePlace, RoutePlan, RouteSettings } from '$lib/domain/route-plan';
import {
	planStops,
	routePoints,
	routeProblem,
	visitedForPlan,
	visitedSince
} from '$lib/domain/route-plan-build';
import { stationById, type StationId } from '$lib/domain/stations';
import { allSubjects } from '../db/caseload-store';
import { deviceOperationalDay } from '../db/operation-values';
import { visitTimes } from '../db/visits-store';
import { currentPosition } from '../media/position';
import type { RouteJob, RouteSuccess } from './protocol';
import { loadRouteConfig } from './route-store';
import { travelMatrices } from './travel';
import { RouteWorkerClient } from './worker-client';

export interface RouteCandidate {
	bundle: SubjectBundle;
	/** A visit to them, by this device or anyone on the team, in today's operational day. */
	visitedToday: boolean;
	/** Their assignment is for today. */
	assignedToday: boolean;
	/** The latest visit by anyone on the team, when known ("visited 21:10 by PC Webb"). */
	teamVisit?: TeamVisit;
}

export type VisitTimes = { subjectId: string; startedAt: string }[];

/** One worker for the app: started on first use and kept for the next plan. */
const routeWorker = new RouteWorkerClient();

/** Subjects still assigned to the officer, with whether they are due and visited today. */
export async function loadCandidates(
	now = new Date()
): Promise<{ candidates: RouteCandidate[]; visits: VisitTimes }> {
	const [subjects, visits, config] = await Promise.all([
		allSubjects(),
		visitTimes(),
		deviceOperationalDay()
	]);
	// "Today" is the operational day: a night shift that crosses midnight is one day.
	const today = operationalDay(now, config);
	const visitedToday = visitedSince(visits, todayWindow(now, config).start);
	const candidates = subjects
		.filter((s) => s.leaving === 0)
		.map(({ bundle, teamVisit }) => ({
			bundle,
			visitedToday:
				visitedToday.has(bundle.subject.id) ||
				(teamVisit !== undefined && inCurrentOperationalDay(teamVisit.at, now, config)),
			assignedToday: bundle.assignment.date === today,
			teamVisit
		}));
	return { candidates, visits };
}

/**
 * Chosen by default: today's assigned subjects not yet visited today, or every subject not yet
 * visited when no assignment is dated today (a caseload downloaded for a day of action that
 * started yesterday, say), so the officer never starts from an empty list.
 */
export function defaultChoice(candidates: readonly RouteCandidate[]): string[] {
	const anyToday = candidates.some((c) => c.assignedToday);
	return candidates
		.filter((c) => !c.visitedToday && (c.assignedToday || !anyToday))
		.map((c) => c.bundle.subject.id);
}

export function visitedOn(
	plan: RoutePlan | null,
	visits: VisitTimes,
	config: OperationalDayConfig
): ReadonlySet<string> {
	return plan ? visitedForPlan(plan, visits, config) : new Set();
}

/** A new plan for these subjects, starting now, in optimised order. */
export async function planNewRoute(
	bundles: readonly SubjectBundle[],
	settings: RouteSettings,
	online: boolean
): Promise<{ plan: RoutePlan; skipped: number }> {
	// Whole minutes, so arrival times read the same however the seconds fell.
	const shiftStart = new Date(Math.floor(Date.now() / 60_000) * 60_000);
	const shiftMin = settings.shiftHours * 60;
	const start = await startPlace(settings);
	const end = settings.end.kind === 'return' ? null : stationPlace(settings.end.stationId);
	const { stops, skipped } = planStops(bundles, shiftStart, shiftMin, settings.serviceMin);
	if (stops.length === 0) throw new Error('None of those subjects has an address on this device.');
	const config = await loadRouteConfig();
	const travel = await travelMatrices(routePoints(start, stops, end), {
		osrmUrl: config.osrmUrl,
		online
	});
	const draft: RoutePlan = {
		version: 1,
		shiftStart: shiftStart.toISOString(),
		shiftMin,
		start,
		end,
		serviceMin: settings.serviceMin,
		priorityWeight: settings.priorityWeight,
		stops,
		order: stops.map((_, i) => i),
		pinned: [],
		travel,
		updatedAt: new Date().toISOString()
	};
	const result = await runJob('optimise', draft);
	return { plan: { ...draft, order: result.order }, skipped: skipped.length };
}

/** The best order around the plan's pins. */
export function optimisePlan(plan: RoutePlan): Promise<RouteSuccess> {
	return runJob('optimise', plan);
}

/** A different near-optimal order than the one on screen, from a fresh random seed. */
export function varyPlan(plan: RoutePlan): Promise<RouteSuccess> {
	const seed = crypto.getRandomValues(new Uint32Array(1))[0]!;
	return runJob('vary', plan, seed, plan.order);
}

export function stamped(plan: RoutePlan): RoutePlan {
	return { ...plan, updatedAt: new Date().toISOString() };
}

function runJob(
	kind: RouteJob['kind'],
	plan: RoutePlan,
	seed = 1,
	avoid: number[] | null = null
): Promise<RouteSuccess> {
	// The worker client checks the whole job (problem included) at the boundary.
	return routeWorker.run({ kind, problem: routeProblem(plan), seed, avoid });
}

function stationPlace(id: StationId): RoutePlace {
	const station = stationById(id);
	return { label: station.name, location: station.location };
}

async function startPlace(settings: RouteSettings): Promise<RoutePlace> {
	if (settings.start.kind === 'station') return stationPlace(settings.start.stationId);
	const { state, fix } = await currentPosition(10_000);
	if (!fix) {
		const why = state === 'denied' ? 'location is turned off for this app' : 'no GPS fix';
		throw new Error(`Your position is not available (${why}): start from a station instead.`);
	}
	return { label: `My position (±${fix.accuracyM} m)`, location: { lat: fix.lat, lon: fix.lon } };
}
