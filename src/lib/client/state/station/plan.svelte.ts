import { SvelteSet } from 'svelte/reactivity';
import type { Shift } from '$lib/domain/operation/operational-day';
import type { AutoPlan, PlanningList, PlanningRow } from '$lib/domain/operation/plan';
import { currentShift, idSet } from '../../station/now';
import * as api from '../../station/operation-api';

export type SortKey = 'priority' | 'name' | 'days' | 'risk';

const RISK_RANK = { high: 0, medium: 1, standard: 2 } as const;

/** How urgently a subject wants a check: wanted, open breaches, risk, time since last check. */
export function urgency(r: PlanningRow): number {
	return (
		(r.wanted ? 1000 : 0) +
		r.openBreaches * 200 +
		(2 - RISK_RANK[r.risk]) * 100 +
		Math.min(r.daysSinceLastCheck ?? 60, 60) +
		(r.ordersExpiringSoon.length > 0 ? 20 : 0) +
		(r.curfews.length > 0 ? 10 : 0)
	);
}

export interface CrewChoice {
	key: string;
	officerId: string;
	secondOfficerId: string | null;
}

/** The planning screen's state: the list for a shift, filters, selection and auto-plan. */
export class PlanState {
	date = $state(currentShift().date);
	shift = $state<Shift>(currentShift().shift);
	list = $state.raw<PlanningList | null>(null);
	error = $state<string | null>(null);
	busy = $state(false);
	message = $state<string | null>(null);

	query = $state('');
	risk = $state<'any' | PlanningRow['risk']>('any');
	wantedOnly = $state(false);
	curfewOnly = $state(false);
	breachOnly = $state(false);
	assignment = $state<'any' | 'unassigned' | 'assigned'>('any');
	sort = $state<SortKey>('priority');
	selected = new SvelteSet<string>();

	crews = $state<CrewChoice[]>([]);
	pins = $state<Record<string, string>>({});
	plan = $state.raw<AutoPlan | null>(null);

	visible = $derived.by(() => {
		const rows = this.list?.rows ?? [];
		const q = this.query.trim().toLowerCase();
		const out = rows.filter(
			(r) =>
				(this.risk === 'any' || r.risk === this.risk) &&
				(!this.wantedOnly || r.wanted !== null) &&
				(!this.curfewOnly || r.curfews.length > 0) &&
				(!this.breachOnly || r.openBreaches > 0) &&
				(this.assignment === 'any' ||
					(this.assignment === 'assigned') === (r.assignment !== null)) &&
				(q === '' || `${r.name} ${r.town} ${r.postcode}`.toLowerCase().includes(q))
		);
		const by: Record<SortKey, (a: PlanningRow, b: PlanningRow) => number> = {
			priority: (a, b) => urgency(b) - urgency(a),
			name: (a, b) => a.name.localeCompare(b.name),
			days: (a, b) => (b.daysSinceLastCheck ?? 999) - (a.daysSinceLastCheck ?? 999),
			risk: (a, b) => RISK_RANK[a.risk] - RISK_RANK[b.risk]
		};
		return out.sort(by[this.sort]);
	});

	async load(): Promise<void> {
		this.error = null;
		try {
			this.list = await api.planningList(this.date, this.shift);
			const live = idSet(this.list.rows.map((r) => r.subjectId));
			for (const id of this.selected) if (!live.has(id)) this.selected.delete(id);
		} catch (e) {
			this.error = e instanceof Error ? e.message : 'Could not load the plan';
		}
	}

	toggleAllVisible(on: boolean): void {
		for (const r of this.visible) {
			if (on) this.selected.add(r.subjectId);
			else this.selected.delete(r.subjectId);
		}
	}

	async run(label: string, action: () => Promise<string>): Promise<void> {
		this.busy = true;
		this.error = null;
		this.message = null;
		try {
			this.message = await action();
			await this.load();
		} catch (e) {
			this.error = e instanceof Error ? e.message : `Could not ${label}`;
		} finally {
			this.busy = false;
		}
	}

	assign(o: {
		officerId: string;
		secondOfficerId: string | null;
		priority: number;
		operation: string;
	}) {
		const subjectIds = [...this.selected];
		return this.run('assign', async () => {
			await api.assign({
				subjectIds,
				officerId: o.officerId,
				secondOfficerId: o.secondOfficerId,
				date: this.date,
				shift: this.shift,
				priority: o.priority,
				operation: o.operation.trim() || null,
				plannedArrivals: null,
				plannedMinutes: null
			});
			this.selected.clear();
			return `Assigned ${subjectIds.length} subject${subjectIds.length === 1 ? '' : 's'}`;
		});
	}

	unassign() {
		const subjectIds = [...this.selected];
		return this.run('unassign', async () => {
			await api.unassign(subjectIds, this.date);
			this.selected.clear();
			return `Unassigned ${subjectIds.length}`;
		});
	}

	autoPlan() {
		return this.run('auto-plan', async () => {
			const subjectIds = [...this.selected];
			const keys = idSet(this.crews.map((c) => c.key));
			const pins = Object.fromEntries(
				Object.entries(this.pins).filter(([id, key]) => keys.has(key) && this.selected.has(id))
			);
			this.plan = await api.autoPlan({
				date: this.date,
				shift: this.shift,
				subjectIds,
				crews: this.crews,
				pins
			});
			return `Planned ${subjectIds.length} subjects across ${this.crews.length} crews`;
		});
	}

	/** Assigns each crew its planned share, in route order with planned arrivals. */
	assignPlan(priority: number, operation: string) {
		const plan = this.plan;
		if (!plan) return Promise.resolve();
		return this.run('assign the plan', async () => {
			for (const route of plan.routes) {
				const crew = this.crews.find((c) => c.key === route.key);
				if (!crew || route.subjectIds.length === 0) continue;
				await api.assign({
					subjectIds: route.subjectIds,
					officerId: crew.officerId,
					secondOfficerId: crew.secondOfficerId,
					date: this.date,
					shift: this.shift,
					priority,
					operation: operation.trim() || null,
					plannedArrivals: route.arrivals.map((a) => Math.max(0, a)),
					plannedMinutes: route.durationMinutes
				});
			}
			this.plan = null;
			this.selected.clear();
			return 'Assigned every crew its planned route';
		});
	}
}
