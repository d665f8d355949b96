import { z } from 'zod';
import { idSchema, instantSchema, shortText } from './common';
import { sealKeySchema } from './sealed';
import { userSchema } from './user';

/**
 * Wire contract of devices, sessions and revocation (issue 8), shared by the device and server.
 *
 * A field device names itself on every API request with this header (its sync device id). The
 * server checks it against the session's device, and recognises a revoked device by it even
 * after that device's sessions have been ended.
 */
export const DEVICE_HEADER = 'x-fieldcheck-device';

/**
 * The answer to any API request from a revoked device (HTTP 403), before anything else is
 * looked at. On receiving it the device wipes everything readable (keeping its sealed items),
 * forgets its device id, and shows the sign-in screen. Sign-in with the revoked id is refused
 * the same way; a new device id must be used. Sealed items it then delivers under the old
 * device id go to quarantine for a supervisor to review.
 */
export const deviceRevokedResponseSchema = z.object({
	error: z.object({
		code: z.literal('device-revoked'),
		message: z.string(),
		wipe: z.literal(true)
	})
});
export type DeviceRevokedResponse = z.infer<typeof deviceRevokedResponseSchema>;

export const signInDeviceSchema = z.strictObject({
	id: idSchema,
	name: z.string().nullable(),
	firstSeenAt: instantSchema,
	lastSeenAt: instantSchema.nullable()
});

/** POST /api/auth/login answer. `device` is null for a station browser that named none. */
export const loginResponseSchema = z.object({
	user: userSchema,
	expiresAt: instantSchema,
	mustChangePassword: z.boolean(),
	sealKey: sealKeySchema,
	device: signInDeviceSchema.nullable()
});
export type LoginResponse = z.infer<typeof loginResponseSchema>;

/** GET /api/me answer. */
export const meResponseSchema = z.object({
	user: userSchema,
	sealKey: sealKeySchema,
	deviceId: idSchema.nullable()
});

/** A device name the officer types at first sign-in ("Car 12 tablet"). */
export const deviceNameSchema = shortText(60).min(1);

export const sessionViewSchema = z.strictObject({
	/** Opaque handle: not a token, cannot be used to sign in. */
	id: z.string(),
	current: z.boolean(),
	deviceId: idSchema.nullable(),
	deviceName: z.string().nullable(),
	userAgent: z.string().nullable(),
	createdAt: instantSchema,
	lastSeenAt: instantSchema,
	expiresAt: instantSchema
});
export type SessionView = z.infer<typeof sessionViewSchema>;

export const deviceStatuses = ['active', 'lost', 'revoked'] as const;
export type DeviceStatus = (typeof deviceStatuses)[number];

export const deviceViewSchema = z.strictObject({
	id: idSchema,
	userId: idSchema,
	username: z.string(),
	displayName: z.string(),
	name: z.string().nullable(),
	userAgent: z.string().nullable(),
	firstSeenAt: instantSchema,
	lastSeenAt: instantSchema.nullable(),
	status: z.enum(deviceStatuses),
	revokedAt: instantSchema.nullable(),
	activeSessions: z.number().int().nonnegative()
});
export type DeviceView = z.infer<typeof deviceViewSchema>;

/** POST /api/devices/:id/revoke */
export const revokeDeviceRequestSchema = z.strictObject({
	reason: z.enum(['lost', 'revoked'])
});
