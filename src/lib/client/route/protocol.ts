/**
 * Messages between the page and the route worker. Both ends parse what they receive: a worker
 * from an older cached build, or a bug, fails as a clear error rather than a wrong route.
 */
import { z } from 'zod';

const matrixSchema = z.array(z.array(z.number().nonnegative()));

/** RouteProblem with plain nested arrays, which is what structured cloning carries cheaply. */
export const wireProblemSchema = z.strictObject({
	distanceM: matrixSchema,
	travelMin: matrixSchema,
	stops: z.array(
		z.strictObject({
			id: z.string().min(1),
			serviceMin: z.number().nonnegative().optional(),
			window: z.tuple([z.number(), z.number()]).optional(),
			priority: z.number().min(0).max(1).optional()
		})
	),
	end: z.number().int().nonnegative(),
	pinned: z.array(z.strictObject({ id: z.string(), position: z.number().int().nonnegative() })),
	priorityWeight: z.number().nonnegative()
});
export type WireProblem = z.infer<typeof wireProblemSchema>;

export const routeJobSchema = z.strictObject({
	kind: z.enum(['optimise', 'vary']),
	problem: wireProblemSchema,
	seed: z
		.number()
		.int()
		.nonnegative()
		.max(2 ** 32 - 1),
	/** Vary only: the order on screen, which the variant must differ from. */
	avoid: z.array(z.number().int().nonnegative()).nullable()
});
export type RouteJob = z.infer<typeof routeJobSchema>;

export const routeRequestSchema = routeJobSchema.extend({ id: z.number().int().positive() });
export type RouteRequest = z.infer<typeof routeRequestSchema>;

const successSchema = z.strictObject({
	id: z.number().int().positive(),
	ok: z.literal(true),
	order: z.array(z.number().int().nonnegative()),
	lengthM: z.number().nonnegative(),
	durationMin: z.number().nonnegative(),
	latenessMin: z.number().nonnegative(),
	feasible: z.boolean(),
	/** Vary only: false when no different order was found within tolerance. */
	varied: z.boolean(),
	extraPct: z.number(),
	ms: z.number().nonnegative()
});
export type RouteSuccess = z.infer<typeof successSchema>;

const failureSchema = z.strictObject({
	/** 0 when the request was too broken to carry an id. */
	id: z.number().int().nonnegative(),
	ok: z.literal(false),
	error: z.string().max(500)
});

export const routeResponseSchema = z.discriminatedUnion('ok', [successSchema, failureSchema]);
export type RouteResponse = z.infer<typeof routeResponseSchema>;
