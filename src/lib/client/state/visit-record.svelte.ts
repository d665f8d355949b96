import type { StoredVisit } from '../db/database';
import { getVisit } from '../db/visits-store';

/** A finalised visit as the device holds it, with where it stands. */
export class VisitRecord {
	record = $state.raw<StoredVisit | null>(null);
	loaded = $state(false);

	async load(id: string): Promise<void> {
		this.record = (await getVisit(id)) ?? null;
		this.loaded = true;
	}
}
export type { StoredVisit, VisitState } from '../db/database';
