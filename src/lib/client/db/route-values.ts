import { routeConfigSchema, routePlanSchema, routeSettingsSchema } from '$lib/domain/route-plan';
import { storedValue } from './meta';

/** The officer's route plan and planning settings. */

export const routePlan = storedValue('routePlan', routePlanSchema);
export const routeSettings = storedValue('routeSettings', routeSettingsSchema);
/** Where road travel times come from, last heard from the server. */
export const routeConfig = storedValue('routeConfig', routeConfigSchema);
