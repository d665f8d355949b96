/**
 * A multi-crew plan being searched: each crew's route, its costed stats, the unassigned stops,
 * and the two operations every move is made of: cost a stop's best insertion, and apply it.
 */
import {
	BALANCE_WEIGHT,
	costRoute,
	LATE_WEIGHT,
	WAIT_WEIGHT,
	PRIORITY_WEIGHT,
	UNASSIGNED_WEIGHT,
	type CrewModel,
	type RouteStats
} from './crew-model';

const EPSILON = 1e-9;

export interface Insertion {
	/** Change in the plan's cost, balance included; Infinity when no position is allowed. */
	delta: number;
	/** The same without the balance term, which changes whenever any route does. */
	local: number;
	position: number;
	/** The route's work after the insertion. */
	work: number;
}

export class PlanState {
	readonly routes: number[][];
	readonly stats: RouteStats[];
	/** Crew of each stop, or -1 when unassigned. */
	readonly crewOf: Int32Array;
	private readonly probe: RouteStats = { duration: 0, travel: 0, work: 0, late: 0, prio: 0 };

	constructor(readonly model: CrewModel) {
		this.routes = Array.from({ length: model.crews }, () => []);
		this.stats = this.routes.map(() => ({ duration: 0, travel: 0, work: 0, late: 0, prio: 0 }));
		this.crewOf = new Int32Array(model.n).fill(-1);
	}

	copyFrom(other: PlanState): void {
		other.routes.forEach((r, k) => {
			this.routes[k] = r.slice();
			Object.assign(this.stats[k]!, other.stats[k]);
		});
		this.crewOf.set(other.crewOf);
	}

	/** Lexicographic in practice: lateness, then unassigned stops, then time, balance, priority. */
	cost(): number {
		let total = this.routesCost();
		for (let s = 0; s < this.model.n; s++) {
			if (this.crewOf[s]! < 0) total += UNASSIGNED_WEIGHT * (1 + this.model.priority[s]!);
		}
		return total;
	}

	/** The cost without the unassigned stops' term: enough to compare moves that keep them. */
	routesCost(): number {
		let total = this.imbalance(-1, 0);
		for (const s of this.stats) total += this.routeCost(s);
		return total;
	}

	/** A route's own terms: lateness, work, waiting (cheap) and priority. */
	private routeCost(s: RouteStats): number {
		return (
			s.late * LATE_WEIGHT + s.work + WAIT_WEIGHT * (s.duration - s.work) + PRIORITY_WEIGHT * s.prio
		);
	}

	/**
	 * BALANCE_WEIGHT × w̄ × (Σ (w_k / w̄)⁴ − crews), over each crew's work w_k (with `crew`'s replaced
	 * by `work` when crew >= 0) and its mean w̄: zero when every crew works the same.
	 */
	imbalance(crew: number, work: number): number {
		const k = this.stats.length;
		let total = 0;
		for (let j = 0; j < k; j++) total += j === crew ? work : this.stats[j]!.work;
		const mean = total / k;
		if (!(mean > 0)) return 0;
		let sum = 0;
		for (let j = 0; j < k; j++) {
			const x = (j === crew ? work : this.stats[j]!.work) / mean;
			sum += x * x * x * x;
		}
		return BALANCE_WEIGHT * mean * (sum - k);
	}

	totalDuration(): number {
		return this.stats.reduce((a, s) => a + s.duration, 0);
	}

	/** Cost change of a route's new stats against its current ones. */
	routeDelta(crew: number, next: RouteStats): number {
		const was = this.stats[crew]!;
		return (
			this.routeCost(next) -
			this.routeCost(was) +
			this.imbalance(crew, next.work) -
			this.imbalance(crew, was.work)
		);
	}

	/**
	 * Best position for stop `s` in `crew`'s route. With `allowLate` false a position must not make
	 * the route any later than it is, which is how windows and the shift are kept wherever they can
	 * be. Each position is costed from the state the current route reaches just before it.
	 */
	bestInsertion(s: number, crew: number, allowLate = false): Insertion {
		const { time, size, open, close, service, priority, n } = this.model;
		const route = this.routes[crew]!;
		const len = route.length;
		const was = this.stats[crew]!;
		const wasCost = this.routeCost(was);
		const wasImbalance = this.imbalance(crew, was.work);
		const endNode = n + 2 * crew + 1;
		const shift = this.model.shift[crew]!;
		const next = this.probe;
		let best: Insertion = { delta: Infinity, local: Infinity, position: -1, work: 0 };
		let prev = n + 2 * crew;
		let t = 0;
		let travel = 0;
		let late = 0;
		let prio = 0;
		for (let pos = 0; pos <= len; pos++) {
			// Visit s after the prefix, then the rest of the route as it is.
			let pv = s;
			let tt = time[prev * size + s]!;
			let tr = travel + tt;
			let ti = Math.max(t + tt, open[s]!);
			let la = late + Math.max(0, ti - close[s]!);
			if (allowLate || la <= was.late + EPSILON) {
				let pr = prio + priority[s]! * ti;
				ti += service[s]!;
				for (let i = pos; i < len; i++) {
					const x = route[i]!;
					tt = time[pv * size + x]!;
					tr += tt;
					ti = Math.max(ti + tt, open[x]!);
					if (ti > close[x]!) la += ti - close[x]!;
					pr += priority[x]! * ti;
					ti += service[x]!;
					pv = x;
				}
				tt = time[pv * size + endNode]!;
				tr += tt;
				ti += tt;
				if (ti > shift) la += ti - shift;
				if (allowLate || la <= was.late + EPSILON) {
					next.duration = ti;
					next.travel = tr;
					next.work = tr + was.work - was.travel + service[s]!;
					next.late = la;
					next.prio = pr;
					const local = this.routeCost(next) - wasCost;
					const delta = local + this.imbalance(crew, next.work) - wasImbalance;
					if (delta < best.delta) best = { delta, local, position: pos, work: next.work };
				}
			}
			if (pos === len) break;
			// Advance the prefix past route[pos].
			const x = route[pos]!;
			tt = time[prev * size + x]!;
			travel += tt;
			t = Math.max(t + tt, open[x]!);
			if (t > close[x]!) late += t - close[x]!;
			prio += priority[x]! * t;
			t += service[x]!;
			prev = x;
		}
		return best;
	}

	insert(s: number, crew: number, position: number): void {
		this.routes[crew]!.splice(position, 0, s);
		this.crewOf[s] = crew;
		this.recost(crew);
	}

	remove(s: number): void {
		const crew = this.crewOf[s]!;
		if (crew < 0) return;
		const route = this.routes[crew]!;
		route.splice(route.indexOf(s), 1);
		this.crewOf[s] = -1;
		this.recost(crew);
	}

	recost(crew: number): void {
		const route = this.routes[crew]!;
		costRoute(this.model, crew, route, route.length, this.stats[crew]!);
	}

	/** Crews a stop may join: its pinned crew only, otherwise all. */
	crewsFor(s: number): number[] {
		const pin = this.model.pinned[s]!;
		return pin >= 0 ? [pin] : this.routes.map((_, k) => k);
	}

	/** Cost of replacing `crew`'s route by `route` (not applied), Infinity if it is later. */
	replaceDelta(crew: number, route: ArrayLike<number>, length: number): number {
		const next = costRoute(this.model, crew, route, length, this.probe);
		if (next.late > this.stats[crew]!.late + EPSILON) return Infinity;
		return this.routeDelta(crew, next);
	}
}
