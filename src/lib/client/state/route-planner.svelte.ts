import { untrack } from 'svelte';
import { SvelteSet } from 'svelte/reactivity';
import { scheduleRoute } from '$lib/domain/route';
import { defaultRouteSettings, type RoutePlan, type RouteSettings } from '$lib/domain/route-plan';
import { teamVisitLabel } from '$lib/domain/operation/team-visit';
import { moveStop, routeProblem, togglePin } from '$lib/domain/route-plan-build';
import * as planning from '../route/planning';
import type { RouteCandidate, VisitTimes } from '../route/planning';
import * as store from '../route/route-store';
import { clock } from './clock.svelte';
import { connectivity } from './connectivity.svelte';
import { Live } from './live.svelte';
import { mapRoute } from './map-route.svelte';
import { operationalDay } from './operational-day.svelte';
import { startVisit } from './visit-start';

export type { RouteCandidate } from '../route/planning';
export type RouteBusy = 'planning' | 'optimising' | 'varying';

/**
 * The route screen: which subjects to visit, from where, and the plan itself. Every change to
 * the plan is saved on the device at once and drawn on the map.
 */
export class RoutePlanner {
	/** Subjects and visits on the device, live: a sync or a visit recorded anywhere shows here. */
	readonly #source = new Live<{ candidates: RouteCandidate[]; visits: VisitTimes } | null>(
		() => planning.loadCandidates(),
		null
	);
	readonly candidates: RouteCandidate[] = $derived(this.#source.current?.candidates ?? []);
	readonly selected = new SvelteSet<string>();
	settings = $state<RouteSettings>({ ...defaultRouteSettings });
	plan = $state.raw<RoutePlan | null>(null);
	busy = $state<RouteBusy | null>(null);
	/** What the last action did, in words ("No other order is within 5%…"). */
	notice = $state<string | null>(null);
	error = $state<string | null>(null);
	#savedLoaded = $state(false);
	readonly loaded = $derived(this.#savedLoaded && this.#source.loaded);
	/** No assignment is dated today, so the default choice is every assigned subject. */
	readonly noneAssignedToday = $derived(!this.candidates.some((c) => c.assignedToday));
	#chosen = false;
	#saving: Promise<void> = Promise.resolve();

	/** Times, waits and lateness of the order on screen, recomputed as it is edited. */
	readonly schedule = $derived(
		this.plan ? scheduleRoute(routeProblem(this.plan), this.plan.order) : null
	);
	readonly visited = $derived(
		planning.visitedOn(this.plan, this.#source.current?.visits ?? [], operationalDay.config)
	);
	/** "Visited 21:10 by PC Webb" per subject, for visits by anyone on the team today. */
	readonly teamLabels: Readonly<Record<string, string>> = $derived(
		Object.fromEntries(
			this.candidates.flatMap((c) => {
				const label = teamVisitLabel(c.teamVisit, clock.now, operationalDay.config);
				return label ? [[c.bundle.subject.id, label]] : [];
			})
		)
	);

	/** Construct during component set-up. */
	constructor() {
		// The first time subjects arrive, choose the default ones; after that keep the officer's
		// choice, less any subject that has left the device.
		$effect(() => {
			const candidates = this.candidates;
			if (!this.loaded) return;
			untrack(() => this.#follow(candidates));
		});
	}

	/** Reads the saved settings and plan (once: after that the screen holds them). */
	async load(): Promise<void> {
		const [settings, plan] = await Promise.all([store.loadSettings(), store.loadPlan()]);
		this.settings = settings;
		this.plan = plan;
		if (plan) showOnMap(plan);
		this.#savedLoaded = true;
	}

	#follow(candidates: RouteCandidate[]): void {
		if (!this.#chosen) {
			this.#chosen = true;
			this.choose('default');
			return;
		}
		const present = (id: string) => candidates.some((c) => c.bundle.subject.id === id);
		for (const id of [...this.selected]) if (!present(id)) this.selected.delete(id);
	}

	/** 'default': see planning.defaultChoice; 'none' clears the choice. */
	choose(which: 'default' | 'none'): void {
		this.selected.clear();
		if (which === 'none') return;
		for (const id of planning.defaultChoice(this.candidates)) this.selected.add(id);
	}

	toggle(subjectId: string): void {
		if (!this.selected.delete(subjectId)) this.selected.add(subjectId);
	}

	async updateSettings(change: Partial<RouteSettings>): Promise<void> {
		this.settings = { ...this.settings, ...change };
		await store.saveSettings($state.snapshot(this.settings) as RouteSettings);
	}

	async planRoute(): Promise<void> {
		const chosen = this.candidates
			.filter((c) => this.selected.has(c.bundle.subject.id))
			.map((c) => c.bundle);
		if (chosen.length === 0) {
			this.error = 'Choose at least one subject to visit.';
			return;
		}
		await this.#run('planning', async () => {
			const settings = $state.snapshot(this.settings) as RouteSettings;
			const { plan, skipped } = await planning.planNewRoute(chosen, settings, connectivity.online);
			await this.#commit(plan);
			if (skipped > 0) this.notice = `${skipped} left out: no address for them on this device.`;
		});
	}

	/** Optimises again around the pinned stops, with the current service time and weight. */
	async reoptimise(): Promise<void> {
		const plan = this.#withSettings();
		if (!plan) return;
		await this.#run('optimising', async () => {
			const result = await planning.optimisePlan(plan);
			const same = result.order.every((s, k) => s === plan.order[k]);
			await this.#commit({ ...plan, order: result.order });
			this.notice = same ? 'This order is already the best found.' : 'Re-optimised.';
		});
	}

	async vary(): Promise<void> {
		const plan = this.#withSettings();
		if (!plan) return;
		await this.#run('varying', async () => {
			const result = await planning.varyPlan(plan);
			await this.#commit({ ...plan, order: result.order });
			this.notice = result.varied
				? `A different order, ${Math.max(0, result.extraPct).toFixed(1)}% longer than the best.`
				: 'No other order is within 5% of the best: keeping the best.';
		});
	}

	async move(position: number, delta: -1 | 1): Promise<void> {
		if (!this.plan) return;
		await this.#commit({ ...this.plan, order: moveStop(this.plan.order, position, delta) });
	}

	async togglePin(subjectId: string): Promise<void> {
		if (!this.plan) return;
		await this.#commit({ ...this.plan, pinned: togglePin(this.plan.pinned, subjectId) });
	}

	async clear(): Promise<void> {
		await store.clearPlan();
		this.plan = null;
		this.notice = null;
		mapRoute.clear();
	}

	/** Starts the visit at the planned address; resolves to the new visit's id. */
	async startVisit(subjectId: string, officerId: string): Promise<string | null> {
		const stop = this.plan?.stops.find((s) => s.subjectId === subjectId);
		const bundle = this.candidates.find((c) => c.bundle.subject.id === subjectId)?.bundle;
		if (!stop || !bundle) {
			this.error = 'This subject is no longer on this device.';
			return null;
		}
		return startVisit(bundle, stop.addressId, officerId);
	}

	#withSettings(): RoutePlan | null {
		if (!this.plan) return null;
		const { serviceMin, priorityWeight } = this.settings;
		return { ...this.plan, serviceMin, priorityWeight };
	}

	async #run(busy: RouteBusy, action: () => Promise<void>): Promise<void> {
		if (this.busy) return;
		this.busy = busy;
		this.error = null;
		this.notice = null;
		try {
			await action();
		} catch (e) {
			this.error = e instanceof Error ? e.message : 'Route planning failed.';
		} finally {
			this.busy = null;
		}
	}

	/**
	 * Shows the change at once, so a second tap builds on the first, and saves in order: each
	 * save waits for the one before, so the device never ends up holding an older order.
	 */
	#commit(plan: RoutePlan): Promise<void> {
		const next = planning.stamped(plan);
		this.plan = next;
		showOnMap(next);
		this.#saving = this.#saving
			.then(() => store.savePlan(next))
			.catch(() => {
				this.error = 'Could not save the route on this device: try again.';
			});
		return this.#saving;
	}
}

function showOnMap(plan: RoutePlan): void {
	mapRoute.set(
		plan.order.map((i, k) => {
			const stop = plan.stops[i]!;
			return { ...stop.location, label: String(k + 1), subjectId: stop.subjectId };
		})
	);
}

/**
 * Draws the saved plan on the map. The route page does this whenever the plan changes; a map
 * opened cold (after a reload) calls this, since mapRoute itself lives only in memory.
 */
export async function showSavedRouteOnMap(): Promise<void> {
	const plan = await store.loadPlan();
	if (plan) showOnMap(plan);
}
