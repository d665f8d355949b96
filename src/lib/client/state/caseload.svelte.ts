import type { TeamVisit } from '$lib/domain/caseload';
import { caseloadEntry, type CaseloadEntry } from '$lib/domain/caseload-entry';
import { matchesQuery } from '$lib/domain/caseload-order';
import { todayWindow } from '$lib/domain/operation/operational-day';
import { visitedSince } from '$lib/domain/route-plan-build';
import type { RiskLevel } from '$lib/domain/subject';
import { allSubjects, firstEntries } from '../db/caseload-store';
import { visitTimes } from '../db/visits-store';
import { clock } from './clock.svelte';
import { firstScreen } from './first-screen';
import { Live } from './live.svelte';
import { operationalDay } from './operational-day.svelte';
import { syncStatus } from './sync-status.svelte';

export interface CaseloadRow {
	entry: CaseloadEntry;
	tokens: string[];
	/** Unassigned on the server; stays until this device's visits to them are sent. */
	leaving: boolean;
	/** The latest visit by anyone on the team, when known. */
	teamVisit?: TeamVisit;
}

const FIRST_ROWS = 50;

async function firstRows(): Promise<CaseloadRow[]> {
	// Measured by `npm run bench:caseload`: from here to the first rows on screen.
	performance.mark('fc:caseload:load-start');
	const first = await firstEntries(FIRST_ROWS);
	return first.map((entry) => ({ entry, tokens: [], leaving: false }));
}

async function allRows(): Promise<CaseloadRow[]> {
	const all = await allSubjects();
	return all.map((s) => ({
		entry: caseloadEntry(s.bundle),
		tokens: s.tokens,
		leaving: s.leaving === 1,
		teamVisit: s.teamVisit
	}));
}

/**
 * The caseload list, live: first rows straight off the index, then the whole list (for search),
 * which follows every change to the device's caseload. Construct during component set-up.
 */
export class CaseloadView {
	query = $state('');
	risk = $state<RiskLevel | 'any'>('any');
	wantedOnly = $state(false);
	readonly #first = new Live<CaseloadRow[] | null>(firstRows, null);
	readonly #all = new Live<CaseloadRow[] | null>(allRows, null);
	/** The whole list is asked for only once the first rows are on screen, so they come first. */
	#firstShown = $state(false);
	/**
	 * The whole list as last read. While a download is under way the whole list is not
	 * followed (its query stops), so it is not read again after every page, holding up the next
	 * page's write; the first rows stay live, and the whole list is read once the download ends.
	 */
	#whole = $state.raw<CaseloadRow[] | null>(null);

	/**
	 * The first rows as last read. Once a screenful is shown, a download does not follow them
	 * either: re-reading and redrawing them after every page held up the next page's write.
	 * A subject a later page sorts among them appears when the download ends.
	 */
	#firstSeen = $state.raw<CaseloadRow[] | null>(null);

	readonly rows = $derived(
		this.#whole && this.#whole.length > 0 ? this.#whole : (this.#firstSeen ?? this.#whole ?? [])
	);
	readonly loaded = $derived(this.#whole !== null);

	readonly #visits = new Live(visitTimes, [], { afterFirstScreen: true });
	/** Subjects with a visit on this device started today: the operational day, not midnight. */
	readonly visitedToday = $derived(
		visitedSince(this.#visits.current, todayWindow(clock.now, operationalDay.config).start)
	);

	visible = $derived.by(() => {
		const q = this.query.trim();
		return this.rows.filter(
			(r) =>
				(this.risk === 'any' || r.entry.subject.risk === this.risk) &&
				(!this.wantedOnly || r.entry.subject.wanted !== null) &&
				(q === '' || matchesQuery(r.tokens, q))
		);
	});

	constructor() {
		firstScreen.hold();
		// Effects run once the DOM is updated: the first rows are on screen.
		$effect(() => {
			const full = (this.#firstSeen?.length ?? 0) >= FIRST_ROWS;
			if (full && syncStatus.phase === 'downloading') return;
			if (this.#whole && this.#whole.length > 0) return;
			const first = this.#first.current;
			if (first) this.#firstSeen = first;
		});
		$effect(() => {
			if (this.#firstShown || this.#firstSeen === null) return;
			performance.mark('fc:caseload:first-rows');
			this.#firstShown = true;
			firstScreen.shown();
		});
		$effect(() => {
			if (!this.#firstShown || syncStatus.phase === 'downloading') return;
			const all = this.#all.current;
			if (all) this.#whole = all;
		});
	}
}
