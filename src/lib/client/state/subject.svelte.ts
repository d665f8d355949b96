import type { SubjectBundle } from '$lib/domain/caseload';
import { getSubject } from '../db/caseload-store';

/** One subject as the device holds it. */
export class SubjectView {
	bundle = $state.raw<SubjectBundle | null>(null);
	loaded = $state(false);

	async load(id: string): Promise<void> {
		this.bundle = (await getSubject(id)) ?? null;
		this.loaded = true;
	}
}
