import { backoffMs } from './engine';

/**
 * Runs a task now and again after failures, backing off from about 5 s to 5 min. Success
 * resets the delay. A manual `kick` (app open, online, visible, new visit) runs at once.
 */
export class RetryScheduler {
	#failures = 0;
	#timer: ReturnType<typeof setTimeout> | null = null;
	#running: Promise<void> | null = null;

	constructor(
		private readonly task: () => Promise<boolean>,
		// Wrapped, not stored bare: called as `this.setTimer(…)`, the browser's setTimeout throws
		// "Illegal invocation" (its `this` must be the global), and retries would silently stop.
		private readonly setTimer = (fn: () => void, ms: number) => setTimeout(fn, ms),
		private readonly clearTimer = (t: ReturnType<typeof setTimeout>) => clearTimeout(t)
	) {}

	get failures(): number {
		return this.#failures;
	}

	kick(): Promise<void> {
		if (this.#timer) this.clearTimer(this.#timer);
		this.#timer = null;
		this.#running ??= this.#run().finally(() => (this.#running = null));
		return this.#running;
	}

	stop(): void {
		if (this.#timer) this.clearTimer(this.#timer);
		this.#timer = null;
	}

	async #run(): Promise<void> {
		let retry = false;
		try {
			retry = !(await this.task());
		} catch {
			retry = true;
		}
		if (retry) {
			const delay = backoffMs(this.#failures);
			this.#failures += 1;
			this.#timer = this.setTimer(() => void this.kick(), delay);
		} else {
			this.#failures = 0;
		}
	}
}
