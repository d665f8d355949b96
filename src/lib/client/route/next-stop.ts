import {
	isPlanCurrent,
	nextStop,
	visitedForPlan,
	type NextStop
} from '$lib/domain/route-plan-build';
import { deviceOperationalDay } from '../db/operation-values';
import { visitTimes } from '../db/visits-store';
import { loadPlan } from './route-store';

export interface RouteProgress {
	/** Null once every stop has been visited. */
	next: NextStop | null;
	total: number;
}

/** Where the officer's current route goes next; null without a plan for this shift. */
export async function routeProgress(now = new Date()): Promise<RouteProgress | null> {
	const plan = await loadPlan();
	if (!plan || !isPlanCurrent(plan, now)) return null;
	const [visits, config] = await Promise.all([visitTimes(), deviceOperationalDay()]);
	return { next: nextStop(plan, visitedForPlan(plan, visits, config)), total: plan.stops.length };
}
