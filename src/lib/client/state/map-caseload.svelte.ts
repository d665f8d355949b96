import type { SubjectBundle } from '$lib/domain/caseload';
import { allSubjects, getSubject } from '../db/caseload-store';
import * as meta from '../db/meta';
import { focusOverlay, type FocusOverlay } from '../map/focus-overlay';
import {
	MAP_SUBJECT_VERSION,
	placeSubjects,
	toMapSubject,
	type MapPoint,
	type MapSubject
} from '../map/map-points';

/**
 * The caseload as the map needs it: a point per assigned subject, placed for the time now.
 * Reading 10,000 whole bundles takes most of a second, so the map keeps its own small copy
 * (MapSubject) for the caseload as of the sync cursor, and rebuilds it only when a sync has
 * changed the caseload. Subjects no longer assigned (kept only until their visits are sent)
 * are not on the map, but can still be brought into view by id.
 */
export class MapCaseload {
	points = $state.raw<MapPoint[]>([]);
	loaded = $state(false);
	// Not $state: refresh() runs in an effect, and must not depend on what it writes.
	#subjects: MapSubject[] = [];
	#cursor: string | null = null;
	#placedKey = '';

	async load(now: Date): Promise<void> {
		const cursor = (await meta.get('cursor')) ?? '';
		if (cursor === this.#cursor) return;
		const kept = await meta.get('mapSubjects');
		if (kept && kept.cursor === cursor && kept.version === MAP_SUBJECT_VERSION) {
			this.#subjects = kept.subjects;
		} else {
			const stored = await allSubjects();
			this.#subjects = stored.filter((s) => s.leaving === 0).map((s) => toMapSubject(s.bundle));
			// Best effort: without it the next opening is only slower.
			const copy = { version: MAP_SUBJECT_VERSION, cursor, subjects: this.#subjects };
			await meta.set('mapSubjects', copy).catch(() => undefined);
		}
		this.#cursor = cursor;
		this.#placedKey = '';
		this.refresh(now);
		this.loaded = true;
	}

	/**
	 * Re-places the points for the time now (curfews start and end). The points are replaced
	 * only when someone moved, so the clock's tick does not redraw 10,000 markers for nothing.
	 */
	refresh(now: Date): void {
		const next = placeSubjects(this.#subjects, now);
		const key = `${next.length}:${next.map((p) => (p.curfewNow ? 'c' : '-')).join('')}`;
		if (key === this.#placedKey) return;
		this.#placedKey = key;
		this.points = next;
	}
}

/**
 * The subject in view, read whole from the device when brought into view (not on every clock
 * tick); its overlay follows the clock (curfews begin and end) from the bundle already read.
 */
export class MapFocus {
	#bundle = $state.raw<SubjectBundle | null>(null);
	/** The id asked for was not found on this device. */
	missing = $state(false);
	readonly #now: () => Date;
	overlay: FocusOverlay | null = $derived.by(() =>
		this.#bundle ? focusOverlay(this.#bundle, this.#now()) : null
	);

	constructor(now: () => Date) {
		this.#now = now;
	}

	async load(id: string | null): Promise<void> {
		const bundle = id ? await getSubject(id) : undefined;
		this.missing = id !== null && !bundle;
		this.#bundle = bundle ?? null;
	}
}
