import { z } from 'zod';
import { idSchema } from './common';
import { addressSchema, protectedPersonRefSchema } from './subject';

/**
 * A protected person (the victim) as the station holds one: a pseudonymous reference, never a
 * name, and the premises an order may keep a subject away from. The premises stay on the
 * server and the station: devices get only a covering circle of any zone around them
 * (protected-zone.ts), never the address or the exact position.
 */
export const protectedPremisesSchema = addressSchema.pick({
	lines: true,
	town: true,
	postcode: true,
	location: true
});
export type ProtectedPremises = z.infer<typeof protectedPremisesSchema>;

export const protectedPersonSchema = z.strictObject({
	reference: protectedPersonRefSchema,
	teamId: idSchema.nullable(),
	premises: protectedPremisesSchema.nullable(),
	updatedAt: z.string()
});
export type ProtectedPerson = z.infer<typeof protectedPersonSchema>;

/** Create or replace: an administrator names the team; a supervisor's go to their own. */
export const protectedPersonInputSchema = z.strictObject({
	reference: protectedPersonRefSchema,
	teamId: idSchema.nullable(),
	premises: protectedPremisesSchema.nullable()
});
export type ProtectedPersonInput = z.infer<typeof protectedPersonInputSchema>;

/** Default radius of a zone drawn around protected premises, in metres. */
export const DEFAULT_PREMISES_RADIUS_M = 200;
