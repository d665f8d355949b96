/**
 * The route plan, planning settings and road-service setting as kept on the device. Everything
 * read back is parsed: a plan saved by an older build, or damaged, is dropped rather than shown.
 */
import {
	defaultRouteSettings,
	routeConfigSchema,
	routePlanSchema,
	routeSettingsSchema,
	type RouteConfig,
	type RoutePlan,
	type RouteSettings
} from '$lib/domain/route-plan';
import * as meta from '../db/meta';
import { ApiError, request } from '../sync/api';

const CONFIG_TIMEOUT_MS = 4000;

export async function loadPlan(): Promise<RoutePlan | null> {
	const parsed = routePlanSchema.safeParse(await meta.get('routePlan'));
	return parsed.success ? parsed.data : null;
}

export async function savePlan(plan: RoutePlan): Promise<void> {
	await meta.set('routePlan', routePlanSchema.parse(plan));
}

export async function clearPlan(): Promise<void> {
	await meta.remove('routePlan');
}

export async function loadSettings(): Promise<RouteSettings> {
	const parsed = routeSettingsSchema.safeParse(await meta.get('routeSettings'));
	return parsed.success ? parsed.data : defaultRouteSettings;
}

export async function saveSettings(settings: RouteSettings): Promise<void> {
	await meta.set('routeSettings', routeSettingsSchema.parse(settings));
}

/** The server's answer when it gives one in time, else the copy kept from last time. */
export async function loadRouteConfig(): Promise<RouteConfig> {
	try {
		const fresh = await request('/api/route/config', routeConfigSchema, {
			signal: AbortSignal.timeout(CONFIG_TIMEOUT_MS)
		});
		await meta.set('routeConfig', fresh);
		return fresh;
	} catch (e) {
		const timedOut = e instanceof DOMException && e.name === 'TimeoutError';
		if (!(e instanceof ApiError) && !timedOut) throw e;
		const kept = routeConfigSchema.safeParse(await meta.get('routeConfig'));
		return kept.success ? kept.data : { osrmUrl: null };
	}
}
