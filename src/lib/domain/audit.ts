import { z } from 'zod';
import { idSchema, instantSchema, isoDateSchema } from './common';

/** GET /api/audit filters (administrators). Dates are London calendar days, inclusive. */
export const auditQuerySchema = z.strictObject({
	userId: idSchema.optional(),
	subjectId: idSchema.optional(),
	deviceId: idSchema.optional(),
	action: z.string().max(60).optional(),
	from: isoDateSchema.optional(),
	to: isoDateSchema.optional(),
	format: z.enum(['json', 'csv']).optional(),
	limit: z.coerce.number().int().min(1).max(5000).optional()
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;

export const auditRowSchema = z.strictObject({
	id: z.number().int(),
	at: instantSchema,
	actorId: z.string().nullable(),
	actorName: z.string().nullable(),
	deviceId: z.string().nullable(),
	action: z.string(),
	entityId: z.string().nullable(),
	outcome: z.string(),
	detail: z.string().nullable(),
	deviceAt: z.string().nullable(),
	address: z.string().nullable(),
	count: z.number().int()
});
export type AuditRow = z.infer<typeof auditRowSchema>;

/** Visits whose integrity needs a look: broken chains, sealed arrivals, zone results. */
export const visitIntegritySchema = z.strictObject({
	id: idSchema,
	deviceId: idSchema,
	officerId: idSchema,
	subjectId: idSchema,
	receivedAt: instantSchema,
	hash: z.string().nullable(),
	prevHash: z.string().nullable(),
	chainStatus: z.string().nullable(),
	sealed: z.boolean(),
	zoneCheck: z.unknown()
});
