import type { StoredVisit } from '../db/database';
import { getVisit } from '../db/visits-store';
import { LiveByKey } from './live.svelte';

/** A finalised visit as the device holds it, with where it stands (sending, sent…) as it moves. */
export class VisitRecord {
	readonly #live: LiveByKey<string, StoredVisit | null>;

	constructor(id: () => string) {
		this.#live = new LiveByKey(id, async (key) => (await getVisit(key)) ?? null, null);
	}

	get record(): StoredVisit | null {
		return this.#live.current;
	}

	get loaded(): boolean {
		return this.#live.loaded;
	}
}
export type { StoredVisit, VisitState } from '../db/database';
