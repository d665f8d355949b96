import { createSubscriber } from 'svelte/reactivity';
import { watch } from '../db/live';
import { firstScreen } from './first-screen';

export interface LiveOptions {
	/**
	 * Not what the officer is waiting for (a count in the header, a mark on a row): the query
	 * starts once the page's first screen is drawn (first-screen.ts), not beside it.
	 */
	afterFirstScreen?: boolean;
}

/**
 * A read of the device's database as rune state, kept current by Dexie's liveQuery: whoever
 * writes (a form, the sync engine, the service worker, another tab), every open view that reads
 * `current` is up to date, and no writer has to tell anyone. The query runs only while some
 * effect reads the value, so a view that is gone stops re-reading.
 */
export class Live<T> {
	#value = $state.raw<T>() as T;
	#loaded = $state(false);
	#failed = $state(false);
	readonly #subscribe: () => void;

	constructor(query: () => Promise<T>, initial: T, options: LiveOptions = {}) {
		this.#value = initial;
		this.#subscribe = createSubscriber(() => {
			let watching: { unsubscribe(): void } | undefined;
			let stopped = false;
			const start = () => {
				if (stopped) return;
				watching = watch(
					query,
					(value) => {
						this.#value = value;
						this.#loaded = true;
						this.#failed = false;
					},
					() => {
						// The query failed (storage gone, disk error): keep what is on screen and say so.
						this.#failed = true;
						this.#loaded = true;
					}
				);
			};
			if (options.afterFirstScreen) void firstScreen.settled().then(start);
			else start();
			return () => {
				stopped = true;
				watching?.unsubscribe();
			};
		});
	}

	get current(): T {
		this.#subscribe();
		return this.#value;
	}

	/** The first answer has arrived (until then `current` is the initial value). */
	get loaded(): boolean {
		this.#subscribe();
		return this.#loaded;
	}

	get failed(): boolean {
		this.#subscribe();
		return this.#failed;
	}
}

/**
 * A live query that follows a reactive key (a route parameter, the subject in view). When the
 * key changes, the old query stops and its late answer is never shown: a slow read for the
 * previous key cannot overwrite the current one.
 */
export class LiveByKey<K, T> {
	readonly #key: () => K;
	readonly #query: (key: K) => Promise<T>;
	readonly #initial: T;
	readonly #live = $derived.by(() => {
		const key = this.#key();
		return new Live(() => this.#query(key), this.#initial);
	});

	constructor(key: () => K, query: (key: K) => Promise<T>, initial: T) {
		this.#key = key;
		this.#query = query;
		this.#initial = initial;
	}

	get current(): T {
		return this.#live.current;
	}

	get loaded(): boolean {
		return this.#live.loaded;
	}
}
