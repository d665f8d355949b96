/**
 * The route plan, planning settings and road-service setting as kept on the device. Everything
 * read back is parsed: a plan saved by an older build, or damaged, is dropped rather than shown.
 */
import {
	defaultRouteSettings,
	routeConfigSchema,
	type RouteConfig,
	type RoutePlan,
	type RouteSettings
} from '$lib/domain/route-plan';
import * as routeValues from '../db/route-values';
import { ApiError, request } from '../sync/api';

const CONFIG_TIMEOUT_MS = 4000;

export async function loadPlan(): Promise<RoutePlan | null> {
	return (await routeValues.routePlan.get()) ?? null;
}

export async function savePlan(plan: RoutePlan): Promise<void> {
	await routeValues.routePlan.set(plan);
}

export async function clearPlan(): Promise<void> {
	await routeValues.routePlan.remove();
}

export async function loadSettings(): Promise<RouteSettings> {
	return (await routeValues.routeSettings.get()) ?? defaultRouteSettings;
}

export async function saveSettings(settings: RouteSettings): Promise<void> {
	await routeValues.routeSettings.set(settings);
}

/** The server's answer when it gives one in time, else the copy kept from last time. */
export async function loadRouteConfig(): Promise<RouteConfig> {
	try {
		const fresh = await request('/api/route/config', routeConfigSchema, {
			signal: AbortSignal.timeout(CONFIG_TIMEOUT_MS)
		});
		await routeValues.routeConfig.set(fresh);
		return fresh;
	} catch (e) {
		const timedOut = e instanceof DOMException && e.name === 'TimeoutError';
		if (!(e instanceof ApiError) && !timedOut) throw e;
		return (await routeValues.routeConfig.get()) ?? { osrmUrl: null };
	}
}
