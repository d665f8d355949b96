import { z } from 'zod';
import { idSchema, instantSchema, isoDateSchema, latLngSchema, shortText } from '../common';
import { orderTypeSchema } from '../order';
import { riskLevelSchema, warningMarkerSchema, wantedSchema } from '../subject';
import { attemptResultSchema } from '../visit';
import { shiftSchema } from './operational-day';

/** The station's planning and assignment contract (GET/POST /api/operation/...). */

export const planQuerySchema = z.strictObject({ date: isoDateSchema, shift: shiftSchema });
export type PlanQuery = z.infer<typeof planQuerySchema>;

export const lastVisitSchema = z.strictObject({
	at: instantSchema,
	officerId: idSchema,
	officerName: z.string(),
	result: attemptResultSchema
});
export type LastVisit = z.infer<typeof lastVisitSchema>;

export const plannedAssignmentSchema = z.strictObject({
	crewId: idSchema.nullable(),
	officerId: idSchema,
	officerName: z.string(),
	secondOfficerId: idSchema.nullable(),
	secondOfficerName: z.string().nullable(),
	priority: z.number().int().min(1).max(5),
	operation: z.string().nullable(),
	routeOrder: z.number().int().nullable()
});
export type PlannedAssignment = z.infer<typeof plannedAssignmentSchema>;

export const planningRowSchema = z.strictObject({
	subjectId: idSchema,
	name: z.string(),
	risk: riskLevelSchema,
	wanted: wantedSchema.nullable(),
	warnings: z.array(warningMarkerSchema),
	town: z.string(),
	postcode: z.string(),
	location: latLngSchema.nullable(),
	ordersExpiringSoon: z.array(
		z.strictObject({ type: orderTypeSchema, reference: z.string(), expiresAt: instantSchema })
	),
	/** Curfew windows that overlap the shift, as instants. */
	curfews: z.array(z.strictObject({ start: instantSchema, end: instantSchema })),
	lastVisit: lastVisitSchema.nullable(),
	daysSinceLastCheck: z.number().int().nullable(),
	openBreaches: z.number().int().nonnegative(),
	assignment: plannedAssignmentSchema.nullable()
});
export type PlanningRow = z.infer<typeof planningRowSchema>;

export const officerSchema = z.strictObject({
	id: idSchema,
	displayName: z.string(),
	collarNumber: z.string().nullable()
});
export type Officer = z.infer<typeof officerSchema>;

export const planningListSchema = z.strictObject({
	date: isoDateSchema,
	shift: shiftSchema,
	shiftStart: instantSchema,
	shiftEnd: instantSchema,
	rows: z.array(planningRowSchema),
	officers: z.array(officerSchema)
});
export type PlanningList = z.infer<typeof planningListSchema>;

const subjectIdsSchema = z.array(idSchema).min(1).max(1000);

export const assignRequestSchema = z
	.strictObject({
		/** In route order when the crew's route was planned. */
		subjectIds: subjectIdsSchema,
		officerId: idSchema,
		secondOfficerId: idSchema.nullable(),
		date: isoDateSchema,
		shift: shiftSchema,
		priority: z.number().int().min(1).max(5),
		operation: shortText(80).nullable(),
		/** Minutes from shift start of each planned arrival, aligned with subjectIds. */
		plannedArrivals: z
			.array(
				z
					.number()
					.nonnegative()
					.max(24 * 60)
			)
			.nullable(),
		plannedMinutes: z
			.number()
			.nonnegative()
			.max(24 * 60)
			.nullable()
	})
	.refine((r) => r.secondOfficerId !== r.officerId, {
		message: 'A double crew is two different officers',
		path: ['secondOfficerId']
	})
	.refine((r) => r.plannedArrivals === null || r.plannedArrivals.length === r.subjectIds.length, {
		message: 'One planned arrival per subject',
		path: ['plannedArrivals']
	});
export type AssignRequest = z.infer<typeof assignRequestSchema>;

export const unassignRequestSchema = z.strictObject({
	subjectIds: subjectIdsSchema,
	date: isoDateSchema
});
export type UnassignRequest = z.infer<typeof unassignRequestSchema>;

export const autoPlanRequestSchema = z.strictObject({
	date: isoDateSchema,
	shift: shiftSchema,
	subjectIds: subjectIdsSchema.max(300),
	crews: z
		.array(
			z.strictObject({
				key: z.string().min(1).max(40),
				officerId: idSchema,
				secondOfficerId: idSchema.nullable()
			})
		)
		.min(1)
		.max(30),
	/** Subject id → crew key: the sergeant's pins. */
	pins: z.record(idSchema, z.string().min(1).max(40))
});
export type AutoPlanRequest = z.infer<typeof autoPlanRequestSchema>;

export const crewRoutePlanSchema = z.strictObject({
	key: z.string(),
	subjectIds: z.array(idSchema),
	/** Minutes from shift start, aligned with subjectIds. */
	arrivals: z.array(z.number()),
	path: z.array(latLngSchema),
	travelMinutes: z.number(),
	serviceMinutes: z.number(),
	durationMinutes: z.number(),
	late: z.array(idSchema)
});
export type CrewRoutePlan = z.infer<typeof crewRoutePlanSchema>;

export const autoPlanSchema = z.strictObject({
	start: latLngSchema,
	shiftMinutes: z.number(),
	routes: z.array(crewRoutePlanSchema),
	unassigned: z.array(idSchema)
});
export type AutoPlan = z.infer<typeof autoPlanSchema>;
