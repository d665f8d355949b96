import type { SubjectBundle } from '$lib/domain/caseload';
import { recordSubjectView } from '../db/audit-store';
import { getSubject } from '../db/caseload-store';
import { LiveByKey } from './live.svelte';

/**
 * One subject as the device holds it, following the id in view and every change to it.
 * Showing it is audited (offline too), once per subject opened.
 */
export class SubjectView {
	readonly #live: LiveByKey<string, SubjectBundle | null>;
	#audited: string | null = null;

	constructor(id: () => string) {
		this.#live = new LiveByKey(id, async (key) => (await getSubject(key)) ?? null, null);
		$effect(() => {
			const shown = this.bundle?.subject.id;
			if (!shown || shown === this.#audited) return;
			this.#audited = shown;
			void recordSubjectView(shown).catch(() => undefined);
		});
	}

	get bundle(): SubjectBundle | null {
		return this.#live.current;
	}

	get loaded(): boolean {
		return this.#live.loaded;
	}
}
