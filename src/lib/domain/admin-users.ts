import { z } from 'zod';
import { idSchema, shortText } from './common';
import { MAX_PASSWORD_LENGTH } from './password-rule';
import { roleSchema, teamSchema, userSchema } from './user';

/** The users screen's contract (routes under /api/admin/users and /api/admin/teams). */

export const usernameSchema = z
	.string()
	.trim()
	.regex(/^[a-z0-9._-]{2,64}$/i, 'Use 2–64 letters, digits, dots, dashes or underscores');

const passwordSchema = z.string().min(1).max(MAX_PASSWORD_LENGTH);

export const createUserSchema = z.strictObject({
	username: usernameSchema,
	displayName: shortText(120).min(1),
	collarNumber: shortText(20).min(1).nullable(),
	role: roleSchema,
	teamId: idSchema.nullable(),
	/** A first password: the user must change it at their first sign-in. */
	password: passwordSchema
});
export type CreateUser = z.infer<typeof createUserSchema>;

export const updateUserSchema = z
	.strictObject({
		displayName: shortText(120).min(1),
		collarNumber: shortText(20).min(1).nullable(),
		role: roleSchema,
		teamId: idSchema.nullable(),
		/** Disabling ends every session at once; accounts are never deleted. */
		disabled: z.boolean()
	})
	.partial();
export type UpdateUser = z.infer<typeof updateUserSchema>;

export const passwordBodySchema = z.strictObject({ password: passwordSchema });

export const createTeamSchema = z.strictObject({ name: shortText(80).min(1) });

export const userSummarySchema = userSchema.extend({
	disabled: z.boolean(),
	mustChangePassword: z.boolean()
});
export type UserSummary = z.infer<typeof userSummarySchema>;

export const usersResponseSchema = z.object({
	users: z.array(userSummarySchema),
	teams: z.array(teamSchema)
});
