import { z } from 'zod';
import { idSchema, shortText } from './common';

export const roles = ['officer', 'supervisor', 'administrator'] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

export const userSchema = z.strictObject({
	id: idSchema,
	username: z.string(),
	displayName: z.string(),
	collarNumber: z.string().nullable(),
	role: roleSchema,
	/** The team a supervisor or officer works in; administrators may have none (they see all). */
	teamId: idSchema.nullable()
});
export type User = z.infer<typeof userSchema>;

export const loginRequestSchema = z.strictObject({
	username: shortText(64).min(1, 'Enter your username'),
	password: z.string().min(1, 'Enter your password').max(256),
	/** A field device's sync id: the session then belongs to that device (issue 8). */
	deviceId: idSchema.optional(),
	/** The name the officer gives the device at its first sign-in. */
	deviceName: shortText(60).optional()
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const teamSchema = z.strictObject({
	id: idSchema,
	name: shortText(80).min(1)
});
export type Team = z.infer<typeof teamSchema>;
