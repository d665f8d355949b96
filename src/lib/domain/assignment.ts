import { z } from 'zod';
import { idSchema, isoDateSchema, shortText } from './common';

export const assignmentSchema = z.strictObject({
	id: idSchema,
	subjectId: idSchema,
	officerId: idSchema,
	/** The day of action this check belongs to. */
	date: isoDateSchema,
	operation: shortText(80).nullable(),
	/** 1 is most urgent. */
	priority: z.number().int().min(1).max(5)
});
export type Assignment = z.infer<typeof assignmentSchema>;

export const createAssignmentSchema = assignmentSchema.omit({ id: true });
export type CreateAssignment = z.infer<typeof createAssignmentSchema>;
