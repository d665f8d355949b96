/**
 * Coalesces the saves of a draft being typed into. Each keystroke used to queue its own
 * strict-durability transaction (a disk flush each), and finalising waited for the whole queue.
 * Now a change marks the draft unsaved and the latest state is saved at most `intervalMs`
 * later (the timer is not pushed back by further typing), or at once on flush(): so a crash
 * loses at most that interval. Saves and other writes of the same draft (photos, finalising)
 * run one at a time, in order, each after whatever was unsaved before it.
 */
export class DraftWriter {
	#dirty = false;
	#timer: ReturnType<typeof setTimeout> | null = null;
	#chain: Promise<unknown> = Promise.resolve();
	readonly #save: () => Promise<void>;
	readonly #intervalMs: number;

	/** `save` writes the draft's state as it is when called (not as it was when changed). */
	constructor(save: () => Promise<void>, intervalMs = 300) {
		this.#save = save;
		this.#intervalMs = intervalMs;
	}

	/** The draft changed: it will be saved within intervalMs. */
	changed(): void {
		this.#dirty = true;
		this.#timer ??= setTimeout(() => {
			this.#timer = null;
			void this.flush();
		}, this.#intervalMs);
	}

	/** Saves now if anything is unsaved; resolves once every change so far is on disk. */
	flush(): Promise<void> {
		return this.exclusive(async () => undefined);
	}

	/** Runs `op` once unsaved changes are saved, and before any later save. */
	exclusive<T>(op: () => Promise<T>): Promise<T> {
		if (this.#timer) clearTimeout(this.#timer);
		this.#timer = null;
		const run = this.#chain.then(async () => {
			if (this.#dirty) {
				this.#dirty = false;
				await this.#save();
			}
			return op();
		});
		this.#chain = run.catch(() => undefined);
		return run;
	}

	/** Forgets unsaved changes (the draft is being discarded) once any write under way is done. */
	async cancel(): Promise<void> {
		if (this.#timer) clearTimeout(this.#timer);
		this.#timer = null;
		this.#dirty = false;
		await this.#chain;
	}
}
