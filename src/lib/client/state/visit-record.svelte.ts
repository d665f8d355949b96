import type { SubjectBundle } from '$lib/domain/caseload';
import { getSubject } from '../db/caseload-store';
import type { StoredVisit } from '../db/database';
import { photosFor } from '../db/drafts-store';
import { getVisit } from '../db/visits-store';
import { LiveByKey } from './live.svelte';

export interface RecordPhoto {
	id: string;
	blob: Blob;
	bytes: number;
	sent: boolean;
}

async function recordPhotos(visitId: string): Promise<RecordPhoto[]> {
	return (await photosFor(visitId)).map((p) => ({
		id: p.id,
		blob: p.blob,
		bytes: p.bytes,
		sent: p.complete === 1
	}));
}

/**
 * A finalised visit as the device holds it, with where it stands (sending, sent…) as it moves,
 * the subject it was to (to name conditions and measure from the address) and its photos.
 */
export class VisitRecord {
	readonly #live: LiveByKey<string, StoredVisit | null>;
	readonly #bundle: LiveByKey<string, SubjectBundle | null>;
	readonly #photos: LiveByKey<string, RecordPhoto[]>;

	constructor(id: () => string) {
		this.#live = new LiveByKey(id, async (key) => (await getVisit(key)) ?? null, null);
		this.#bundle = new LiveByKey(
			() => this.record?.subjectId ?? '',
			async (key) => (key ? ((await getSubject(key)) ?? null) : null),
			null
		);
		this.#photos = new LiveByKey(id, recordPhotos, []);
	}

	get record(): StoredVisit | null {
		return this.#live.current;
	}

	get loaded(): boolean {
		return this.#live.loaded;
	}

	/** Null once the subject has left the device. */
	get bundle(): SubjectBundle | null {
		return this.#bundle.current;
	}

	get photos(): RecordPhoto[] {
		return this.#photos.current;
	}
}
export type { StoredVisit, VisitState } from '../db/database';
