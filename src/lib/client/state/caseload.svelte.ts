import type { SubjectBundle, TeamVisit } from '$lib/domain/caseload';
import { matchesQuery } from '$lib/domain/caseload-order';
import type { RiskLevel } from '$lib/domain/subject';
import { allSubjects, firstSubjects } from '../db/caseload-store';
import { Live } from './live.svelte';

export interface CaseloadRow {
	bundle: SubjectBundle;
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
	const first = await firstSubjects(FIRST_ROWS);
	return first.map((bundle) => ({ bundle, tokens: [], leaving: false }));
}

async function allRows(): Promise<CaseloadRow[]> {
	const all = await allSubjects();
	return all.map((s) => ({
		bundle: s.bundle,
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

	readonly rows = $derived.by((): CaseloadRow[] => {
		const all = this.#firstShown ? this.#all.current : null;
		return all ?? this.#first.current ?? [];
	});

	readonly loaded = $derived(this.#firstShown && this.#all.loaded);

	visible = $derived.by(() => {
		const q = this.query.trim();
		return this.rows.filter(
			(r) =>
				(this.risk === 'any' || r.bundle.subject.risk === this.risk) &&
				(!this.wantedOnly || r.bundle.subject.wanted !== null) &&
				(q === '' || matchesQuery(r.tokens, q))
		);
	});

	constructor() {
		// Effects run once the DOM is updated: the first rows are on screen.
		$effect(() => {
			if (this.#firstShown || !this.#first.loaded) return;
			performance.mark('fc:caseload:first-rows');
			this.#firstShown = true;
		});
	}
}
