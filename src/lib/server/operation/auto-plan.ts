import type { LatLng } from '$lib/domain/common';
import { haversineM } from '$lib/domain/geo';
import { shiftWindow, type OperationalDayConfig } from '$lib/domain/operation/operational-day';
import type { AutoPlan, AutoPlanRequest } from '$lib/domain/operation/plan';
import { planningRow } from '$lib/domain/operation/subject-facts';
import { planCrews, type CrewStop } from '$lib/domain/route';
import { policeStations } from '$lib/domain/stations';
import type { Db } from '../db/connection';
import { ApiFailure } from '../http';
import { allSubjectFacts } from './facts-cache';
import type { Scope } from './scope';

/** Minutes at each address: knock, talk, check the conditions, record. */
export const SERVICE_MINUTES = 20;

/** Splits the chosen subjects across the chosen crews for one shift. */
export async function autoPlan(
	db: Db,
	scope: Scope,
	input: AutoPlanRequest,
	config: OperationalDayConfig
): Promise<AutoPlan> {
	const window = shiftWindow(input.date, input.shift, config);
	const shiftMinutes = (window.end.getTime() - window.start.getTime()) / 60_000;
	const wanted = new Set(input.subjectIds);
	const facts = (await allSubjectFacts(db, scope)).filter((f) => wanted.has(f.subjectId));
	if (facts.length !== wanted.size) {
		throw new ApiFailure(422, 'unknown-subject', 'No such subject in your team');
	}
	const located = facts.filter((f) => f.location !== null);
	if (located.length === 0)
		throw new ApiFailure(422, 'invalid-body', 'No subject has an address to visit');
	const start = nearestStation(centroid(located.map((f) => f.location!)));
	const shift = { date: input.date, ...window };
	const stops: CrewStop[] = located.map((f) => {
		const row = planningRow(
			f,
			shift,
			{ lastVisit: null, openBreaches: 0, assignment: null },
			config
		);
		const curfew = row.curfews[0];
		const minutes = (iso: string) =>
			Math.min(
				shiftMinutes,
				Math.max(0, (new Date(iso).getTime() - window.start.getTime()) / 60_000)
			);
		return {
			id: f.subjectId,
			lat: f.location!.lat,
			lng: f.location!.lon,
			serviceMinutes: SERVICE_MINUTES,
			priority: f.wanted ? 1 : f.risk === 'high' ? 0.5 : 0,
			// A curfew check only proves anything while the curfew is in force.
			...(curfew ? { window: { open: minutes(curfew.start), close: minutes(curfew.end) } } : {}),
			...(input.pins[f.subjectId] ? { pinnedCrew: input.pins[f.subjectId] } : {})
		};
	});
	const plan = planCrews({
		crews: input.crews.map((c) => ({
			id: c.key,
			start: { lat: start.lat, lng: start.lon },
			end: { lat: start.lat, lng: start.lon },
			shiftMinutes
		})),
		stops
	});
	const at = new Map(stops.map((s) => [s.id, { lat: s.lat, lon: s.lng }]));
	return {
		start,
		shiftMinutes,
		routes: plan.routes.map((r) => ({
			key: r.crewId,
			subjectIds: r.stopIds,
			arrivals: r.arrivals,
			path: [start, ...r.stopIds.map((id) => at.get(id)!), start],
			travelMinutes: r.travelMinutes,
			serviceMinutes: r.serviceMinutes,
			durationMinutes: r.durationMinutes,
			late: r.late
		})),
		unassigned: [...plan.unassigned, ...facts.filter((f) => !f.location).map((f) => f.subjectId)]
	};
}

function centroid(points: LatLng[]): LatLng {
	const n = points.length;
	return {
		lat: points.reduce((t, p) => t + p.lat, 0) / n,
		lon: points.reduce((t, p) => t + p.lon, 0) / n
	};
}

function nearestStation(p: LatLng): LatLng {
	let best = policeStations[0]!;
	for (const s of policeStations) {
		if (haversineM(s.location, p) < haversineM(best.location, p)) best = s;
	}
	return best.location;
}
