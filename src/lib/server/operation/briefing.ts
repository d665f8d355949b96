import { describeCondition } from '$lib/domain/describe-condition';
import { activeConditions } from '$lib/domain/order-status';
import {
	shiftWindow,
	type OperationalDayConfig,
	type Shift
} from '$lib/domain/operation/operational-day';
import type { Briefing } from '$lib/domain/operation/briefing';
import { curfewWindowsBetween } from '$lib/domain/curfew';
import type { Order } from '$lib/domain/order';
import {
	addressLabel,
	addressLine,
	homeAddress,
	subjectDisplayName,
	type Address,
	type Subject
} from '$lib/domain/subject';
import type { Db } from '../db/connection';
import { isIn, readByKeys } from '../db/lists';
import { allSubjectFacts } from './facts-cache';
import { staffNames } from './planning';
import type { Scope } from './scope';

/** Each crew of a shift with its subjects in route order and what to check at each. */
export async function briefing(
	db: Db,
	scope: Scope,
	date: string,
	shift: Shift,
	config: OperationalDayConfig
): Promise<Briefing> {
	const window = shiftWindow(date, shift, config);
	const crews = await db
		.selectFrom('crews as c')
		.innerJoin('assignments as a', (j) =>
			j.onRef('a.crew_id', '=', 'c.id').onRef('a.officer_id', '=', 'c.officer_id')
		)
		.select([
			'c.id',
			'c.operation',
			'c.officer_id',
			'c.second_officer_id',
			'c.planned_minutes',
			'a.subject_id',
			'a.route_order',
			'a.planned_arrival',
			'a.priority'
		])
		.where('c.date', '=', date)
		.where('c.shift', '=', shift)
		.where('a.active', '=', 1)
		.execute();
	const visible = new Set((await allSubjectFacts(db, scope)).map((f) => f.subjectId));
	const ids = [...new Set(crews.map((c) => c.subject_id))].filter((id) => visible.has(id));
	const [subjects, addresses, orders, names] = await Promise.all([
		readByKeys(db, ids, (p) =>
			db
				.selectFrom('subjects')
				.select(['id', 'data'])
				.where(isIn(db, 'id', p))
				.execute()
		),
		readByKeys(db, ids, (p) =>
			db
				.selectFrom('addresses')
				.select(['subject_id', 'data'])
				.where(isIn(db, 'subject_id', p))
				.execute()
		),
		readByKeys(db, ids, (p) =>
			db
				.selectFrom('orders')
				.select(['subject_id', 'data'])
				.where(isIn(db, 'subject_id', p))
				.execute()
		),
		staffNames(db)
	]);
	const subjectOf = new Map(subjects.map((s) => [s.id, JSON.parse(s.data) as Subject]));
	const of = <T>(rows: { subject_id: string; data: string }[], id: string) =>
		rows.filter((r) => r.subject_id === id).map((r) => JSON.parse(r.data) as T);
	const byCrew = new Map<string, typeof crews>();
	for (const c of crews.filter((c) => visible.has(c.subject_id))) {
		byCrew.set(c.id, [...(byCrew.get(c.id) ?? []), c]);
	}
	return {
		date,
		shift,
		shiftStart: window.start.toISOString(),
		shiftEnd: window.end.toISOString(),
		crews: [...byCrew.values()].map((rows) => {
			const head = rows[0]!;
			return {
				crewId: head.id,
				operation: head.operation,
				officers: [head.officer_id, head.second_officer_id]
					.filter((x): x is string => x !== null)
					.map((id) => names.get(id) ?? 'Unknown officer'),
				plannedMinutes: head.planned_minutes,
				stops: rows
					.sort(
						(a, b) => (a.route_order ?? 1e9) - (b.route_order ?? 1e9) || a.priority - b.priority
					)
					.flatMap((r) => {
						const subject = subjectOf.get(r.subject_id);
						if (!subject) return [];
						const addrs = of<Address>(addresses, r.subject_id);
						const ords = of<Order>(orders, r.subject_id);
						const home = homeAddress(addrs);
						const ctx = { addressLabel: (id: string) => addressLabel(addrs, id) };
						const conditions = activeConditions(ords, window.start);
						return [
							{
								subjectId: r.subject_id,
								name: subjectDisplayName(subject),
								priority: r.priority,
								plannedArrival: r.planned_arrival,
								address: home ? addressLine(home) : 'No address held',
								accessNotes: home?.accessNotes ?? '',
								risk: subject.risk,
								warnings: subject.warnings,
								wanted: subject.wanted,
								conditions: conditions.map((c) => describeCondition(c.condition, ctx)),
								curfews: conditions.flatMap((c) =>
									c.condition.type === 'curfew'
										? curfewWindowsBetween(c.condition, window.start, window.end).map((w) => ({
												start: w.start.toISOString(),
												end: w.end.toISOString()
											}))
										: []
								)
							}
						];
					})
			};
		})
	};
}
