import { z } from 'zod';
import { assignmentSchema } from './assignment';
import { idSchema, instantSchema } from './common';
import { operationalDayConfigSchema } from './operation/operational-day';
import { orderSchema } from './order';
import { PROTOCOL_VERSION } from './protocol';
import { addressSchema, subjectSchema } from './subject';
import { visitReceiptSchema } from './sync';
import { attemptResultSchema } from './visit';

/**
 * The caseload change feed (GET /api/caseload). Versioned with the sync protocol: see
 * docs/api.md. A bundle replaces everything the device holds for that subject.
 */

export const subjectBundleSchema = z.strictObject({
	subject: subjectSchema,
	addresses: z.array(addressSchema),
	/** Orders the officer needs: discharged orders are omitted (and listed in `removed`). */
	orders: z.array(orderSchema),
	assignment: assignmentSchema
});
export type SubjectBundle = z.infer<typeof subjectBundleSchema>;

export const teamVisitSchema = z.strictObject({
	subjectId: idSchema,
	at: instantSchema,
	officerName: z.string().max(200),
	result: attemptResultSchema
});

export const caseloadPageSchema = z.strictObject({
	protocolVersion: z.literal(PROTOCOL_VERSION),
	/** Opaque: pass it back unchanged to get only what changed since. */
	cursor: z.string().min(1).max(200),
	serverTime: instantSchema,
	bundles: z.array(subjectBundleSchema),
	removed: z.strictObject({
		/** No longer assigned to this officer: leave the device once their visits are sent. */
		subjectIds: z.array(idSchema),
		/** Discharged orders of subjects still assigned. */
		orderIds: z.array(idSchema)
	}),
	/** Visits from this officer the server has received since the cursor. */
	receipts: z.array(visitReceiptSchema),
	/** How many more changed subjects wait after this page (for "412 of 600"). */
	remaining: z.number().int().nonnegative(),
	hasMore: z.boolean(),
	/**
	 * Each subject's latest visit by anyone on the officer's team (issue 10): for every bundle in
	 * the page and every assigned subject visited since the cursor. Result only, never notes.
	 */
	teamVisits: z.array(teamVisitSchema).optional(),
	/**
	 * The force's operational day (when a day starts, the shifts), so "today" on the device is the
	 * same day the station plans: a night shift is one day. Optional for older servers.
	 */
	operationalDay: operationalDayConfigSchema.optional()
});
export type CaseloadPage = z.infer<typeof caseloadPageSchema>;

export type TeamVisit = z.infer<typeof teamVisitSchema>;

export const caseloadQuerySchema = z.strictObject({
	cursor: z.string().min(1).max(200).optional(),
	limit: z.coerce.number().int().min(1).max(2000).default(500)
});
