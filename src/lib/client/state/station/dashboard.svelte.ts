import type { Dashboard } from '$lib/domain/operation/dashboard';
import { currentShift } from '../../station/now';
import * as api from '../../station/operation-api';

/** How often the dashboard asks for news: a visit shows within this (plus the request). */
export const POLL_MS = 5_000;

/** The live dashboard: re-reads the day every few seconds while the page is open. */
export class DashboardState {
	date = $state(currentShift().date);
	data = $state.raw<Dashboard | null>(null);
	error = $state<string | null>(null);
	#timer: ReturnType<typeof setTimeout> | undefined;
	#abort: AbortController | undefined;

	async refresh(): Promise<void> {
		this.#abort?.abort();
		const abort = (this.#abort = new AbortController());
		try {
			const data = await api.dashboard(this.date, abort.signal);
			if (!abort.signal.aborted) {
				this.data = data;
				this.error = null;
			}
		} catch (e) {
			if (!abort.signal.aborted) {
				this.error = e instanceof Error ? e.message : 'Could not load the dashboard';
			}
		}
	}

	start(): () => void {
		const tick = async () => {
			await this.refresh();
			this.#timer = setTimeout(tick, POLL_MS);
		};
		void tick();
		return () => {
			clearTimeout(this.#timer);
			this.#abort?.abort();
		};
	}
}
