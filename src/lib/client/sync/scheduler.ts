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
		private readonly setTimer = setTimeout,
		private readonly clearTimer = clearTimeout
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
