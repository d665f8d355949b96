/**
 * A patrol route as the device keeps it: the stops chosen, where it starts and ends, the travel
 * figures it was planned with and the visiting order. Kept whole (matrices included) so that
 * re-optimising, varying and reordering by hand work offline exactly as they did when planned.
 */
import { z } from 'zod';
import { idSchema, instantSchema, latLngSchema, localTimeSchema, shortText } from './common';
import { DEFAULT_PRIORITY_WEIGHT } from './route';
import { stationIdSchema } from './stations';
import { riskLevelSchema } from './subject';

/** Far beyond a day's list; bounds what a corrupted store can make the device parse. */
export const MAX_ROUTE_STOPS = 300;

export const routeStartSchema = z.discriminatedUnion('kind', [
	z.strictObject({ kind: z.literal('position') }),
	z.strictObject({ kind: z.literal('station'), stationId: stationIdSchema })
]);
export type RouteStart = z.infer<typeof routeStartSchema>;

export const routeEndSchema = z.discriminatedUnion('kind', [
	z.strictObject({ kind: z.literal('return') }),
	z.strictObject({ kind: z.literal('station'), stationId: stationIdSchema })
]);
export type RouteEnd = z.infer<typeof routeEndSchema>;

/** The officer's planning preferences, kept on the device between shifts. */
export const routeSettingsSchema = z.strictObject({
	/** Minutes spent at each stop. */
	serviceMin: z.number().int().min(0).max(240),
	/** How much earlier wanted and high-risk subjects should come: see RouteProblem. */
	priorityWeight: z.number().min(0).max(10_000),
	/** How far ahead a curfew window may open and still be planned for. */
	shiftHours: z.number().int().min(1).max(24),
	start: routeStartSchema,
	end: routeEndSchema
});
export type RouteSettings = z.infer<typeof routeSettingsSchema>;

export const defaultRouteSettings: RouteSettings = {
	serviceMin: 15,
	priorityWeight: DEFAULT_PRIORITY_WEIGHT,
	shiftHours: 10,
	start: { kind: 'station', stationId: 'bedford' },
	end: { kind: 'return' }
};

/** A start or end resolved to coordinates at planning time. */
export const routePlaceSchema = z.strictObject({
	label: shortText(120).min(1),
	location: latLngSchema
});
export type RoutePlace = z.infer<typeof routePlaceSchema>;

/** [open, close] in minutes from the shift start. */
export const minuteWindowSchema = z.tuple([z.number(), z.number()]);
export type MinuteWindow = [open: number, close: number];

export const planStopSchema = z.strictObject({
	subjectId: idSchema,
	addressId: idSchema,
	name: shortText(200).min(1),
	/** One line for the list: '12 Mill Street, Bedford MK40 3TQ'. */
	address: shortText(400),
	location: latLngSchema,
	risk: riskLevelSchema,
	wanted: z.boolean(),
	priority: z.number().min(0).max(1),
	/** While a curfew is in force at this address; null when any time will do. */
	window: minuteWindowSchema.nullable(),
	/** The curfew's own wall-clock times, for the screen. */
	curfew: z.strictObject({ start: localTimeSchema, end: localTimeSchema }).nullable()
});
export type PlanStop = z.infer<typeof planStopSchema>;

export const travelModels = ['road', 'great-circle'] as const;
export const travelModelSchema = z.enum(travelModels);
export type TravelModel = z.infer<typeof travelModelSchema>;

const matrixSchema = z
	.array(z.array(z.number().nonnegative()).max(MAX_ROUTE_STOPS + 2))
	.max(MAX_ROUTE_STOPS + 2);

export const travelMatricesSchema = z.strictObject({
	model: travelModelSchema,
	/** Why the great-circle model was used, when a road service was configured. */
	note: shortText(200).nullable(),
	/** Metres and minutes; node 0 the start, stops 1..m, then the end if it differs. */
	distanceM: matrixSchema,
	travelMin: matrixSchema
});
export type TravelMatrices = z.infer<typeof travelMatricesSchema>;

export const routePlanSchema = z
	.strictObject({
		version: z.literal(1),
		/** Minute 0 of the route's time model. */
		shiftStart: instantSchema,
		shiftMin: z.number().int().positive(),
		start: routePlaceSchema,
		/** Null: back to the start. */
		end: routePlaceSchema.nullable(),
		serviceMin: routeSettingsSchema.shape.serviceMin,
		priorityWeight: routeSettingsSchema.shape.priorityWeight,
		stops: z.array(planStopSchema).min(1).max(MAX_ROUTE_STOPS),
		/** Visiting order: indices into `stops`. */
		order: z.array(z.number().int().nonnegative()),
		/** Subjects kept where they are in `order` when the rest is re-optimised. */
		pinned: z.array(idSchema),
		travel: travelMatricesSchema,
		updatedAt: instantSchema
	})
	.superRefine((plan, ctx) => {
		const m = plan.stops.length;
		const seen = new Set(plan.order);
		if (plan.order.length !== m || seen.size !== m || plan.order.some((i) => i >= m)) {
			ctx.addIssue({ code: 'custom', path: ['order'], message: 'not an order of the stops' });
		}
		const n = m + 1 + (plan.end === null ? 0 : 1);
		for (const key of ['distanceM', 'travelMin'] as const) {
			const matrix = plan.travel[key];
			if (matrix.length !== n || matrix.some((row) => row.length !== n)) {
				ctx.addIssue({ code: 'custom', path: ['travel', key], message: `not ${n}×${n}` });
			}
		}
		const ids = new Set(plan.stops.map((s) => s.subjectId));
		if (ids.size !== m || plan.pinned.some((id) => !ids.has(id))) {
			ctx.addIssue({ code: 'custom', path: ['pinned'], message: 'pins must name stops' });
		}
	});
export type RoutePlan = z.infer<typeof routePlanSchema>;

/** GET /api/route/config: where road travel times come from, if anywhere. */
export const routeConfigSchema = z.strictObject({
	/** Base URL of an OSRM-compatible service (its /table/v1 API); null for none. */
	osrmUrl: z
		.url({ protocol: /^https?$/ })
		.max(500)
		.nullable()
});
export type RouteConfig = z.infer<typeof routeConfigSchema>;
