import type { SubjectBundle } from '$lib/domain/caseload';
import { getSubject } from '../db/caseload-store';
import type { StoredVisit } from '../db/database';
import { photosFor } from '../db/drafts-store';
import { getVisit } from '../db/visits-store';

export interface RecordPhoto {
	id: string;
	url: string;
	bytes: number;
	sent: boolean;
}

/** A finalised visit as the device holds it, with where it stands and what it refers to. */
export class VisitRecord {
	record = $state.raw<StoredVisit | null>(null);
	/** The subject, to name conditions and measure from the address; null once they have left. */
	bundle = $state.raw<SubjectBundle | null>(null);
	photos = $state.raw<RecordPhoto[]>([]);
	loaded = $state(false);

	async load(id: string): Promise<void> {
		this.record = (await getVisit(id)) ?? null;
		this.bundle = this.record ? ((await getSubject(this.record.subjectId)) ?? null) : null;
		this.dispose();
		this.photos = (await photosFor(id)).map((p) => ({
			id: p.id,
			url: URL.createObjectURL(p.blob),
			bytes: p.bytes,
			sent: p.complete === 1
		}));
		this.loaded = true;
	}

	dispose(): void {
		for (const p of this.photos) URL.revokeObjectURL(p.url);
		this.photos = [];
	}
}
export type { StoredVisit, VisitState } from '../db/database';
