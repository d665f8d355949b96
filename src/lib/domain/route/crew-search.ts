/**
 * Search for the multi-crew plan: regret insertion builds a plan, then ruin-and-recreate (remove a
 * cluster or a random handful of stops, re-insert them by regret or in a random order) explores,
 * accepting a slightly worse plan early on and only improvements at the end. The best plan found
 * gets a local search: relocate a stop (within or across routes), exchange two stops across
 * routes, and reverse a run within a route (2-opt).
 *
 * Determinism: the iteration cap ends the search; the time limit is only a ceiling for slow
 * machines. Pinned stops are inserted first, into their crew, even if late, and never leave it.
 */
import type { CrewModel } from './crew-model';
import { PlanState, type Insertion } from './crew-plan-state';
import { randomInt, type Random } from './prng';

const EPSILON = 1e-7;

export interface CrewSearchOptions {
	random: Random;
	maxIterations: number;
	timeLimitMs: number;
	now: () => number;
}

/**
 * Insert `pool` by regret-2: the stop that would lose most by waiting goes first. Each stop's best
 * insertion per crew is cached until that crew's route changes; the balance term, which moves
 * with every route, is re-added fresh from the cached work.
 */
function regretInsert(state: PlanState, pool: number[], deadline = never): number[] {
	const left = new Set(pool);
	const { priority, n } = state.model;
	const crews = state.routes.length;
	const cache: (Insertion | undefined)[] = new Array(n * crews);
	while (left.size > 0) {
		// Past the deadline the rest go in one by one, cheapest place each: linear, not quadratic.
		if (deadline()) {
			greedyInsert(state, [...left]);
			return [...left].filter((s) => state.crewOf[s]! < 0);
		}
		let chosen = -1;
		let chosenCrew = -1;
		let chosenScore = -Infinity;
		for (const s of left) {
			let best = Infinity;
			let second = Infinity;
			let crew = -1;
			for (const k of state.crewsFor(s)) {
				let ins = cache[s * crews + k];
				if (!ins) ins = cache[s * crews + k] = state.bestInsertion(s, k);
				if (ins.position < 0) continue;
				const was = state.stats[k]!.work;
				const delta = ins.local + state.imbalance(k, ins.work) - state.imbalance(k, was);
				if (delta < best) {
					second = best;
					best = delta;
					crew = k;
				} else if (delta < second) second = delta;
			}
			if (crew < 0) continue;
			// A stop with one possible crew is most urgent; priority breaks near-ties towards wanted people.
			const regret = (second === Infinity ? 1e6 : second - best) + 60 * priority[s]!;
			if (regret > chosenScore) {
				chosenScore = regret;
				chosen = s;
				chosenCrew = crew;
			}
		}
		if (chosen < 0) break;
		state.insert(chosen, chosenCrew, cache[chosen * crews + chosenCrew]!.position);
		left.delete(chosen);
		for (const s of left) cache[s * crews + chosenCrew] = undefined;
	}
	return [...left];
}

/** Insert `pool` in the given order, each at its cheapest place. */
function greedyInsert(state: PlanState, pool: number[]): void {
	for (const s of pool) {
		let best = Infinity;
		let crew = -1;
		let pos = -1;
		for (const k of state.crewsFor(s)) {
			const ins = state.bestInsertion(s, k);
			if (ins.delta < best) [best, crew, pos] = [ins.delta, k, ins.position];
		}
		if (crew >= 0) state.insert(s, crew, pos);
	}
}

const never = () => false;

export function construct(model: CrewModel, deadline = never): PlanState {
	const state = new PlanState(model);
	for (let s = 0; s < model.n; s++) {
		const crew = model.pinned[s]!;
		if (crew >= 0) state.insert(s, crew, state.bestInsertion(s, crew, true).position);
	}
	const free = Array.from({ length: model.n }, (_, s) => s).filter((s) => model.pinned[s]! < 0);
	regretInsert(state, free, deadline);
	return state;
}

function shuffle(random: Random, items: number[]): number[] {
	for (let i = items.length - 1; i > 0; i--) {
		const j = randomInt(random, i + 1);
		[items[i], items[j]] = [items[j]!, items[i]!];
	}
	return items;
}

/** Remove a cluster around a random stop, or random stops; return them with the unassigned. */
function ruin(state: PlanState, random: Random): number[] {
	const { n, time, size, pinned } = state.model;
	const movable = Array.from({ length: n }, (_, s) => s).filter((s) => pinned[s]! < 0);
	if (movable.length === 0) return [];
	const q = 1 + randomInt(random, Math.max(1, Math.min(12, Math.ceil(movable.length / 4))));
	let victims: number[];
	const r = random();
	if (r < 0.15) {
		// A whole crew's round: lets a cluster change crews, which single moves cannot undo.
		const crew = randomInt(random, state.routes.length);
		victims = state.routes[crew]!.filter((s) => pinned[s]! < 0);
	} else if (r < 0.6) {
		const seed = movable[randomInt(random, movable.length)]!;
		const near = (s: number) => time[seed * size + s]! + time[s * size + seed]!;
		victims = movable.sort((a, b) => near(a) - near(b) || a - b).slice(0, q);
	} else {
		victims = shuffle(random, movable).slice(0, q);
	}
	for (const s of victims) state.remove(s);
	const pool = new Set(victims);
	for (let s = 0; s < n; s++) if (state.crewOf[s]! < 0 && pinned[s]! < 0) pool.add(s);
	return [...pool];
}

/** Relocate a stop to its best place anywhere it may go; true if the plan improved. */
function relocate(state: PlanState, s: number): boolean {
	const from = state.crewOf[s]!;
	if (from < 0) return false;
	const before = state.routesCost();
	const position = state.routes[from]!.indexOf(s);
	state.remove(s);
	let best = Infinity;
	let crew = -1;
	let pos = -1;
	for (const k of state.crewsFor(s)) {
		// Lateness is allowed here because the plan's cost, lateness first, decides the move.
		const ins = state.bestInsertion(s, k, true);
		if (ins.delta < best) [best, crew, pos] = [ins.delta, k, ins.position];
	}
	state.insert(s, crew, pos);
	if (state.routesCost() < before - EPSILON) return true;
	state.remove(s);
	state.insert(s, from, position);
	return false;
}

/** Exchange two stops of different crews, each taking the other's place. */
function exchange(state: PlanState, a: number, b: number): boolean {
	const ka = state.crewOf[a]!;
	const kb = state.crewOf[b]!;
	const { pinned } = state.model;
	if (ka < 0 || kb < 0 || ka === kb || pinned[a]! >= 0 || pinned[b]! >= 0) return false;
	const before = state.routesCost();
	const ra = state.routes[ka]!;
	const rb = state.routes[kb]!;
	const ia = ra.indexOf(a);
	const ib = rb.indexOf(b);
	const lateBefore = state.stats[ka]!.late + state.stats[kb]!.late;
	[ra[ia], rb[ib]] = [b, a];
	state.crewOf[a] = kb;
	state.crewOf[b] = ka;
	state.recost(ka);
	state.recost(kb);
	const lateAfter = state.stats[ka]!.late + state.stats[kb]!.late;
	if (lateAfter <= lateBefore + EPSILON && state.routesCost() < before - EPSILON) return true;
	[ra[ia], rb[ib]] = [a, b];
	state.crewOf[a] = ka;
	state.crewOf[b] = kb;
	state.recost(ka);
	state.recost(kb);
	return false;
}

/** Reverse route[i..j] when that is cheaper (2-opt within a route). */
function reverseRuns(state: PlanState, crew: number): boolean {
	const route = state.routes[crew]!;
	const trial = route.slice();
	for (let i = 0; i < route.length - 1; i++) {
		for (let j = i + 1; j < route.length; j++) {
			for (let x = i; x <= j; x++) trial[x] = route[i + j - x]!;
			if (state.replaceDelta(crew, trial, trial.length) < -EPSILON) {
				route.splice(0, route.length, ...trial);
				state.recost(crew);
				return true;
			}
			for (let x = i; x <= j; x++) trial[x] = route[x]!;
		}
	}
	return false;
}

/** Until no move improves the plan, or the deadline (a ceiling, checked between moves). */
export function localSearch(state: PlanState, random: Random, deadline: () => boolean): void {
	const { n } = state.model;
	const order = shuffle(
		random,
		Array.from({ length: n }, (_, s) => s)
	);
	for (let pass = 0, improved = true; improved && pass < 50 && !deadline(); pass++) {
		improved = false;
		for (const s of order) if (!deadline() && relocate(state, s)) improved = true;
		for (let a = 0; a < n && !deadline(); a++)
			for (let b = a + 1; b < n; b++) if (exchange(state, a, b)) improved = true;
		for (let k = 0; k < state.routes.length; k++) while (reverseRuns(state, k)) improved = true;
		// Capacity freed by the moves above may now take a stop that did not fit.
		const waiting = order.filter((s) => state.crewOf[s]! < 0 && state.model.pinned[s]! < 0);
		if (waiting.length > 0 && regretInsert(state, waiting, deadline).length < waiting.length) {
			improved = true;
		}
	}
}

export function searchCrews(model: CrewModel, options: CrewSearchOptions): PlanState {
	const started = options.now();
	// Construction may use half the limit; beyond it (hundreds of stops) it finishes greedily.
	const current = construct(model, () => options.now() - started > options.timeLimitMs / 2);
	const best = new PlanState(model);
	const trial = new PlanState(model);
	best.copyFrom(current);
	let currentCost = current.cost();
	let bestCost = currentCost;
	const overtime = () => options.now() - started > options.timeLimitMs;
	for (let it = 0; it < options.maxIterations; it++) {
		if ((it & 7) === 0 && overtime()) break;
		trial.copyFrom(current);
		const pool = ruin(trial, options.random);
		if (options.random() < 0.5) regretInsert(trial, pool, overtime);
		else greedyInsert(trial, shuffle(options.random, pool));
		const cost = trial.cost();
		// Accept up to 1 % worse early on, nothing worse by the end (a linear threshold schedule).
		const threshold = 0.01 * (1 - it / options.maxIterations) * best.totalDuration();
		if (cost < currentCost + threshold) {
			current.copyFrom(trial);
			currentCost = cost;
			if (cost < bestCost - EPSILON) {
				best.copyFrom(trial);
				bestCost = cost;
			}
		}
	}
	// The polish gets its own allowance, a quarter of the limit, even when the exploration used it all.
	const polishStarted = options.now();
	const polishLimit = Math.max(
		options.timeLimitMs / 4,
		started + options.timeLimitMs - polishStarted
	);
	localSearch(best, options.random, () => options.now() - polishStarted > polishLimit);
	return best;
}
