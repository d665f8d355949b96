import { z } from 'zod';
import { addressSchema } from '../subject';
import { conditionSchema } from '../condition';
import { idSchema, instantSchema } from '../common';
import { orderTypeSchema } from '../order';
import { attemptResultSchema, visitSchema } from '../visit';

/** A visit's full record for review and the court file (GET /api/operation/visits/[id]). */

export const reviewRequestSchema = z.strictObject({ comment: z.string().trim().min(1).max(2000) });
export const dealtWithRequestSchema = z.strictObject({ note: z.string().trim().min(1).max(2000) });

export const visitRecordSchema = z.strictObject({
	visit: visitSchema,
	/** The device's chain hash, when the visit carries one (issue 8). */
	hash: z.string().nullable(),
	receivedAt: instantSchema,
	deviceId: z.string(),
	officerName: z.string(),
	secondOfficerName: z.string().nullable(),
	subjectName: z.string(),
	address: addressSchema.nullable(),
	/** Metres from the address attended to the recorded position. */
	distanceFromAddressM: z.number().nullable(),
	checks: z.array(
		z.strictObject({
			orderId: idSchema,
			orderType: orderTypeSchema.nullable(),
			orderReference: z.string().nullable(),
			orderVersion: z.number().int(),
			/** The condition as held now (its wording may have been varied since; see the version). */
			condition: conditionSchema.nullable(),
			outcome: z.string(),
			notes: z.string()
		})
	),
	photos: z.array(
		z.strictObject({
			id: idSchema,
			sha256: z.string(),
			mimeType: z.string(),
			bytes: z.number().int(),
			received: z.boolean()
		})
	),
	chain: z.array(
		z.strictObject({
			id: idSchema,
			amends: idSchema.nullable(),
			officerName: z.string(),
			result: attemptResultSchema,
			receivedAt: instantSchema
		})
	),
	review: z
		.strictObject({ reviewerName: z.string(), comment: z.string(), reviewedAt: instantSchema })
		.nullable(),
	followUp: z
		.strictObject({
			openedAt: instantSchema,
			conditionTypes: z.array(z.string()),
			dealtWithAt: instantSchema.nullable(),
			dealtWithBy: z.string().nullable(),
			note: z.string().nullable()
		})
		.nullable()
});
export type VisitRecord = z.infer<typeof visitRecordSchema>;

export const followUpListSchema = z.strictObject({
	followUps: z.array(
		z.strictObject({
			visitId: idSchema,
			subjectId: idSchema,
			subjectName: z.string(),
			/** Who found the breach. */
			officerName: z.string(),
			openedAt: instantSchema,
			conditionTypes: z.array(z.string())
		})
	)
});
export type FollowUp = z.infer<typeof followUpListSchema>['followUps'][number];
