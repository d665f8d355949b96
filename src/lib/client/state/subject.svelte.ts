import type { SubjectBundle } from '$lib/domain/caseload';
import { recordSubjectView } from '../db/audit-store';
import { getSubject } from '../db/caseload-store';

/** One subject as the device holds it. Opening it is audited, offline too. */
export class SubjectView {
	bundle = $state.raw<SubjectBundle | null>(null);
	loaded = $state(false);
	#audited: string | null = null;

	/** Re-run after every sync; the view is audited once per subject opened. */
	async load(id: string): Promise<void> {
		this.bundle = (await getSubject(id)) ?? null;
		this.loaded = true;
		if (this.bundle && this.#audited !== id) {
			this.#audited = id;
			await recordSubjectView(id);
		}
	}
}
