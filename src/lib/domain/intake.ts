import { z } from 'zod';
import { idSchema, isoDateSchema, shortText } from './common';
import { orderSchema } from './order';
import { addressSchema, riskLevelSchema, subjectSchema } from './subject';

/**
 * The station's subject and order screens' contract (routes under /api/admin/subjects and
 * /api/admin/orders; docs/api.md). Ids of new addresses and conditions are chosen by the
 * client (UUIDs), so an edit keeps the ids that visits already refer to.
 */

export const recordsReferenceSchema = shortText(60)
	.min(1)
	.regex(/^[A-Za-z0-9/_.-]+$/, 'Letters, digits and / _ . - only');

export const addressInputSchema = addressSchema.omit({ subjectId: true });
export type AddressInput = z.infer<typeof addressInputSchema>;

export const subjectInputSchema = subjectSchema
	.omit({ id: true, updatedAt: true, photoUrl: true })
	.extend({
		/** The records system's reference: re-imports update the subject it names. */
		reference: recordsReferenceSchema.nullable(),
		/** Administrators choose; a supervisor's subjects go to their own team. */
		teamId: idSchema.nullable(),
		addresses: z.array(addressInputSchema).max(20)
	});
export type SubjectInput = z.infer<typeof subjectInputSchema>;

export const orderInputSchema = orderSchema.omit({
	id: true,
	subjectId: true,
	status: true,
	version: true
});
export type OrderInput = z.infer<typeof orderInputSchema>;

/** Discharge or expiry, with the date the court (or the calendar) ended it. */
export const endOrderSchema = z.strictObject({
	status: z.enum(['discharged', 'expired']),
	date: isoDateSchema
});

export const subjectSearchQuerySchema = z.strictObject({
	q: shortText(100).optional(),
	limit: z.coerce.number().int().min(1).max(200).optional()
});

export const subjectHitSchema = z.object({
	id: idSchema,
	givenName: z.string(),
	familyName: z.string(),
	dateOfBirth: isoDateSchema,
	risk: riskLevelSchema,
	wanted: z.boolean(),
	reference: z.string().nullable(),
	teamId: idSchema.nullable()
});
export type SubjectHit = z.infer<typeof subjectHitSchema>;

export const subjectRecordSchema = z.object({
	subject: subjectSchema,
	addresses: z.array(addressSchema),
	orders: z.array(orderSchema),
	reference: z.string().nullable(),
	teamId: idSchema.nullable()
});
export type SubjectRecord = z.infer<typeof subjectRecordSchema>;

export const orderVersionSchema = z.object({
	order: orderSchema,
	recordedAt: z.string(),
	recordedBy: idSchema.nullable()
});
