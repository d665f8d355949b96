import { env } from '$env/dynamic/private';
import {
	parseOperationalDayConfig,
	type OperationalDayConfig
} from '$lib/domain/operation/operational-day';

let cached: OperationalDayConfig | undefined;

/** FIELDCHECK_OPERATIONAL_DAY: JSON `{ dayStart, shifts: { day, late, night } }`; see README. */
export function operationalDayConfig(): OperationalDayConfig {
	cached ??= parseOperationalDayConfig(env.FIELDCHECK_OPERATIONAL_DAY);
	return cached;
}
