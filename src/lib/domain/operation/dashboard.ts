import { z } from 'zod';
import { idSchema, instantSchema, isoDateSchema } from '../common';
import { londonParts } from '../london-time';
import { attemptResultSchema, attemptResults, type AttemptResult } from '../visit';

/** The operation dashboard (GET /api/operation/dashboard?date=): built by `buildDashboard`. */

export const dashboardQuerySchema = z.strictObject({ date: isoDateSchema });

const visitPointSchema = z.strictObject({
	visitId: idSchema,
	subjectId: idSchema,
	subjectName: z.string(),
	officerName: z.string(),
	at: instantSchema,
	result: attemptResultSchema,
	breachTypes: z.array(z.string()),
	arrestRef: z.string().nullable(),
	safeguarding: z.boolean(),
	lat: z.number().nullable(),
	lon: z.number().nullable(),
	reviewed: z.boolean()
});
export type VisitPoint = z.infer<typeof visitPointSchema>;

const assignmentStatusSchema = z.strictObject({
	subjectId: idSchema,
	subjectName: z.string(),
	officerId: idSchema,
	crewId: idSchema.nullable(),
	deliveredAt: instantSchema.nullable(),
	plannedArrival: instantSchema.nullable(),
	visitedAt: instantSchema.nullable(),
	result: attemptResultSchema.nullable(),
	overdue: z.boolean()
});
export type AssignmentStatus = z.infer<typeof assignmentStatusSchema>;

export const dashboardSchema = z.strictObject({
	date: isoDateSchema,
	generatedAt: instantSchema,
	officers: z.array(
		z.strictObject({
			officerId: idSchema,
			name: z.string(),
			planned: z.number().int(),
			visited: z.number().int(),
			outstanding: z.number().int(),
			checks: z.number().int(),
			/** Minutes the crew is behind its planned route now; null when on time or unplanned. */
			behindMinutes: z.number().int().nullable()
		})
	),
	assignments: z.array(assignmentStatusSchema),
	outcomes: z.record(attemptResultSchema, z.number().int()),
	breachesByType: z.record(z.string(), z.number().int()),
	visits: z.array(visitPointSchema),
	wantedOutstanding: z.array(
		z.strictObject({ subjectId: idSchema, subjectName: z.string(), reference: z.string() })
	),
	/** Per London hour 0..23, per result. */
	byHour: z.array(z.record(attemptResultSchema, z.number().int())),
	openFollowUps: z.number().int()
});
export type Dashboard = z.infer<typeof dashboardSchema>;

export interface DashboardInput {
	date: string;
	now: Date;
	visits: Omit<VisitPoint, 'subjectName' | 'officerName'>[];
	/** Each visit's officer and second officer. */
	visitOfficers: Map<string, string[]>;
	assignments: {
		subjectId: string;
		officerId: string;
		crewId: string | null;
		deliveredAt: string | null;
		plannedArrival: string | null;
		routeOrder: number | null;
		/**
		 * When the check is overdue if not done: planned arrival + grace, else shift end. An ISO
		 * instant as `toISOString` writes it, so it compares with another as a string.
		 */
		dueBy: string;
	}[];
	subjects: Map<string, { name: string; wanted: { reference: string } | null }>;
	names: Map<string, string>;
	openFollowUps: number;
}

const zeroOutcomes = () =>
	Object.fromEntries(attemptResults.map((r) => [r, 0])) as Record<AttemptResult, number>;

export function buildDashboard(input: DashboardInput): Dashboard {
	const name = (id: string) => input.names.get(id) ?? 'Unknown officer';
	const subjectName = (id: string) => input.subjects.get(id)?.name ?? 'Unknown subject';
	const t = input.now.getTime();
	const nowIso = input.now.toISOString();
	const visits: VisitPoint[] = [...input.visits]
		// ISO instants sort as plain strings; localeCompare would cost an ICU call per comparison.
		.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0))
		.map((v) => ({
			...v,
			subjectName: subjectName(v.subjectId),
			officerName: (input.visitOfficers.get(v.visitId) ?? []).map(name).join(' & ')
		}));
	// The latest visit to each subject by each officer today.
	const visitedBy = new Map<string, VisitPoint>();
	for (const v of visits) {
		for (const o of input.visitOfficers.get(v.visitId) ?? [])
			visitedBy.set(`${o}|${v.subjectId}`, v);
	}
	// London's offset is whole hours, so the hour of every instant in one UTC hour is the same.
	const hours = new Map<number, number>();
	const hourOf = (iso: string) => {
		const bucket = Math.floor(Date.parse(iso) / 3_600_000);
		let h = hours.get(bucket);
		if (h === undefined) hours.set(bucket, (h = londonParts(new Date(bucket * 3_600_000)).hour));
		return h;
	};
	const outcomes = zeroOutcomes();
	const byHour = Array.from({ length: 24 }, zeroOutcomes);
	const breachesByType: Record<string, number> = {};
	const checks = new Map<string, number>();
	for (const v of visits) {
		outcomes[v.result]++;
		byHour[hourOf(v.at)]![v.result]++;
		for (const b of v.breachTypes) breachesByType[b] = (breachesByType[b] ?? 0) + 1;
		for (const o of input.visitOfficers.get(v.visitId) ?? [])
			checks.set(o, (checks.get(o) ?? 0) + 1);
	}
	const assignments: AssignmentStatus[] = input.assignments.map((a) => {
		const v = visitedBy.get(`${a.officerId}|${a.subjectId}`) ?? null;
		return {
			subjectId: a.subjectId,
			subjectName: subjectName(a.subjectId),
			officerId: a.officerId,
			crewId: a.crewId,
			deliveredAt: a.deliveredAt,
			plannedArrival: a.plannedArrival,
			visitedAt: v?.at ?? null,
			result: v?.result ?? null,
			overdue: v === null && a.dueBy < nowIso
		};
	});
	// Grouped once by officer: a force-wide day has thousands of assignments and hundreds of
	// officers, and filtering the whole list per officer made the dashboard quadratic.
	const statusOf = new Map<string, AssignmentStatus[]>();
	const plannedOf = new Map<string, DashboardInput['assignments']>();
	input.assignments.forEach((a, i) => {
		push(statusOf, a.officerId, assignments[i]!);
		push(plannedOf, a.officerId, a);
	});
	const done = new Set(
		assignments.filter((a) => a.visitedAt !== null).map((a) => `${a.officerId}|${a.subjectId}`)
	);
	const officerIds = [...new Set([...input.assignments.map((a) => a.officerId), ...checks.keys()])];
	const officers = officerIds
		.map((id) => {
			const mine = statusOf.get(id) ?? [];
			const visited = mine.filter((a) => a.visitedAt !== null).length;
			return {
				officerId: id,
				name: name(id),
				planned: mine.length,
				visited,
				outstanding: mine.length - visited,
				checks: checks.get(id) ?? 0,
				behindMinutes: behind(plannedOf.get(id) ?? [], done, t)
			};
		})
		.sort((a, b) => a.name.localeCompare(b.name));
	const foundToday = new Set(
		visits.filter((v) => v.result === 'seen' || v.arrestRef !== null).map((v) => v.subjectId)
	);
	const wantedOutstanding = [...new Set(input.assignments.map((a) => a.subjectId))]
		.filter((id) => input.subjects.get(id)?.wanted && !foundToday.has(id))
		.map((id) => ({
			subjectId: id,
			subjectName: subjectName(id),
			reference: input.subjects.get(id)!.wanted!.reference
		}));
	return {
		date: input.date,
		generatedAt: input.now.toISOString(),
		officers,
		assignments,
		outcomes,
		breachesByType,
		visits,
		wantedOutstanding,
		byHour,
		openFollowUps: input.openFollowUps
	};
}

/**
 * How far behind its planned route a crew is: the first stop in route order not yet visited,
 * if its planned arrival has passed, gives the minutes since. Null when on time or unplanned.
 */
function behind(
	planned: DashboardInput['assignments'],
	done: Set<string>,
	now: number
): number | null {
	const next = planned
		.filter((a) => a.routeOrder !== null && a.plannedArrival !== null)
		.sort((a, b) => a.routeOrder! - b.routeOrder!)
		.find((a) => !done.has(`${a.officerId}|${a.subjectId}`));
	if (!next) return null;
	const late = Math.floor((now - new Date(next.plannedArrival!).getTime()) / 60_000);
	return late > 0 ? late : null;
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
	const list = m.get(k);
	if (list) list.push(v);
	else m.set(k, [v]);
}
