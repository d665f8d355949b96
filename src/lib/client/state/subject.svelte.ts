import type { SubjectBundle } from '$lib/domain/caseload';
import { getSubject } from '../db/caseload-store';
import { LiveByKey } from './live.svelte';

/** One subject as the device holds it, following the id in view and every change to it. */
export class SubjectView {
	readonly #live: LiveByKey<string, SubjectBundle | null>;

	constructor(id: () => string) {
		this.#live = new LiveByKey(id, async (key) => (await getSubject(key)) ?? null, null);
	}

	get bundle(): SubjectBundle | null {
		return this.#live.current;
	}

	get loaded(): boolean {
		return this.#live.loaded;
	}
}
