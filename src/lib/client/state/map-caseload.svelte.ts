import { untrack } from 'svelte';
import type { SubjectBundle } from '$lib/domain/caseload';
import { allSubjects, getSubject } from '../db/caseload-store';
import * as mapValues from '../db/map-values';
import * as syncValues from '../db/sync-values';
import { focusOverlay, type FocusOverlay } from '../map/focus-overlay';
import {
	MAP_SUBJECT_VERSION,
	placeSubjects,
	toMapSubject,
	type MapPoint,
	type MapSubject
} from '../map/map-points';
import { Live, LiveByKey } from './live.svelte';
import { syncStatus } from './sync-status.svelte';

/**
 * The caseload as the map needs it: a point per assigned subject, placed for the time now.
 * Reading 10,000 whole bundles takes most of a second, so the map keeps its own small copy
 * (MapSubject) for the caseload as of the sync cursor, and rebuilds it only when the cursor
 * moves: it watches the cursor (a live query), not the whole caseload. Subjects no longer
 * assigned (kept only until their visits are sent) are not on the map, but can still be
 * brought into view by id. Construct during component set-up.
 */
export class MapCaseload {
	points = $state.raw<MapPoint[]>([]);
	loaded = $state(false);
	readonly #cursor = new Live<string | null>(
		async () => (await syncValues.cursor.get()) ?? '',
		null
	);
	// Not $state: refresh() runs in an effect, and must not depend on what it writes.
	#subjects: MapSubject[] = [];
	#loadedCursor: string | null = null;
	#placedKey = '';

	constructor(now: () => Date) {
		$effect(() => {
			// Not page by page during a download (each would re-read the whole caseload): once, after.
			if (syncStatus.phase === 'downloading') return;
			const cursor = this.#cursor.current;
			if (cursor !== null) untrack(() => void this.#load(cursor, now()));
		});
	}

	async #load(cursor: string, now: Date): Promise<void> {
		if (cursor === this.#loadedCursor) return;
		this.#loadedCursor = cursor;
		let subjects: MapSubject[];
		const kept = await mapValues.mapSubjects.get();
		if (kept && kept.cursor === cursor && kept.version === MAP_SUBJECT_VERSION) {
			subjects = kept.subjects;
		} else {
			const stored = await allSubjects();
			subjects = stored.filter((s) => s.leaving === 0).map((s) => toMapSubject(s.bundle));
			// Best effort: without it the next opening is only slower.
			const copy = { version: MAP_SUBJECT_VERSION, cursor, subjects };
			await mapValues.mapSubjects.set(copy).catch(() => undefined);
		}
		// A later cursor arrived while this one was read: its own load will place the points.
		if (cursor !== this.#loadedCursor) return;
		this.#subjects = subjects;
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
 * The subject in view, read whole from the device (a live query on that one subject, so a
 * sync that changes it redraws it); its overlay follows the clock (curfews begin and end)
 * from the bundle already read. Construct during component set-up.
 */
export class MapFocus {
	readonly #id: () => string | null;
	readonly #live: LiveByKey<string | null, SubjectBundle | null>;
	readonly #now: () => Date;

	constructor(id: () => string | null, now: () => Date) {
		this.#id = id;
		this.#now = now;
		this.#live = new LiveByKey(
			id,
			async (key) => (key ? ((await getSubject(key)) ?? null) : null),
			null
		);
	}

	/** The id asked for was not found on this device. */
	get missing(): boolean {
		return this.#id() !== null && this.#live.loaded && this.#live.current === null;
	}

	readonly overlay: FocusOverlay | null = $derived.by(() => {
		const bundle = this.#live.current;
		return bundle ? focusOverlay(bundle, this.#now()) : null;
	});
}
