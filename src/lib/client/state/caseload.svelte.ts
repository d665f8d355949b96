import { tick } from 'svelte';
import type { SubjectBundle } from '$lib/domain/caseload';
import { matchesQuery } from '$lib/domain/caseload-order';
import { startOfLondonDay, visitedSince } from '$lib/domain/route-plan-build';
import type { RiskLevel } from '$lib/domain/subject';
import { allSubjects, firstSubjects } from '../db/caseload-store';
import { visitTimes } from '../db/visits-store';
import { clock } from './clock.svelte';

export interface CaseloadRow {
	bundle: SubjectBundle;
	tokens: string[];
	/** Unassigned on the server; stays until this device's visits to them are sent. */
	leaving: boolean;
}

/** The caseload list: first rows straight off the index, then the whole list for search. */
export class CaseloadView {
	rows = $state.raw<CaseloadRow[]>([]);
	loaded = $state(false);
	query = $state('');
	risk = $state<RiskLevel | 'any'>('any');
	wantedOnly = $state(false);
	#visits = $state.raw<{ subjectId: string; startedAt: string }[]>([]);

	/** Subjects with a visit on this device started today (Europe/London). */
	visitedToday = $derived(visitedSince(this.#visits, startOfLondonDay(clock.now)));

	visible = $derived.by(() => {
		const q = this.query.trim();
		return this.rows.filter(
			(r) =>
				(this.risk === 'any' || r.bundle.subject.risk === this.risk) &&
				(!this.wantedOnly || r.bundle.subject.wanted !== null) &&
				(q === '' || matchesQuery(r.tokens, q))
		);
	});

	async load(firstCount = 50): Promise<void> {
		performance.mark('fc:caseload:load-start');
		if (!this.loaded) {
			const first = await firstSubjects(firstCount);
			this.rows = first.map((bundle) => ({ bundle, tokens: [], leaving: false }));
			await tick();
			// Measured by `npm run bench:caseload`: first rows on screen, straight from IndexedDB.
			performance.mark('fc:caseload:first-rows');
		}
		const [all, visits] = await Promise.all([allSubjects(), visitTimes()]);
		this.#visits = visits;
		this.rows = all.map((s) => ({ bundle: s.bundle, tokens: s.tokens, leaving: s.leaving === 1 }));
		this.loaded = true;
	}
}
