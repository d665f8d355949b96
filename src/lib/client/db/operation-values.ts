import {
	defaultOperationalDay,
	operationalDayConfigSchema,
	type OperationalDayConfig
} from '$lib/domain/operation/operational-day';
import { storedValue } from './meta';

/**
 * The force's operational day (when "today" starts, the shifts), as last heard in the caseload
 * feed: it lives on the device so "today" stays the station's day offline and after a restart.
 */
export const operationalDay = storedValue('operationalDay', operationalDayConfigSchema);

/** The device's operational day; the default until the server has said. */
export async function deviceOperationalDay(): Promise<OperationalDayConfig> {
	return (await operationalDay.get()) ?? defaultOperationalDay;
}
