import {
	defaultOperationalDay,
	type OperationalDayConfig
} from '$lib/domain/operation/operational-day';
import { operationalDay as stored } from '../db/operation-values';
import { Live } from './live.svelte';

/**
 * The operational day the device counts "today" by, live: a caseload pull that brings a new
 * configuration reaches every open screen by itself.
 */
class OperationalDay {
	readonly #stored = new Live<OperationalDayConfig | undefined>(() => stored.get(), undefined, {
		afterFirstScreen: true
	});

	get config(): OperationalDayConfig {
		return this.#stored.current ?? defaultOperationalDay;
	}
}

export const operationalDay = new OperationalDay();
