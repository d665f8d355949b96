import { z } from 'zod';
import { idSchema, instantSchema, isoDateSchema } from '../common';
import { riskLevelSchema, warningMarkerSchema, wantedSchema } from '../subject';
import { shiftSchema } from './operational-day';

/** The shift's briefing sheet (GET /api/operation/briefing?date=&shift=). */
export const briefingSchema = z.strictObject({
	date: isoDateSchema,
	shift: shiftSchema,
	shiftStart: instantSchema,
	shiftEnd: instantSchema,
	crews: z.array(
		z.strictObject({
			crewId: idSchema,
			operation: z.string().nullable(),
			officers: z.array(z.string()),
			plannedMinutes: z.number().nullable(),
			stops: z.array(
				z.strictObject({
					subjectId: idSchema,
					name: z.string(),
					priority: z.number().int(),
					plannedArrival: instantSchema.nullable(),
					address: z.string(),
					accessNotes: z.string(),
					risk: riskLevelSchema,
					warnings: z.array(warningMarkerSchema),
					wanted: wantedSchema.nullable(),
					conditions: z.array(z.string()),
					curfews: z.array(z.strictObject({ start: instantSchema, end: instantSchema }))
				})
			)
		})
	)
});
export type Briefing = z.infer<typeof briefingSchema>;
