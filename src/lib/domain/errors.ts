import { z } from 'zod';

/** Error codes are part of the contract: clients branch on them, people read `message`. */
export const errorCodes = [
	'bad-json',
	'invalid-body',
	'invalid-query',
	'body-too-large',
	'unauthenticated',
	'invalid-credentials',
	'forbidden',
	/** The password was reset by an administrator: choose a new one before anything else. */
	'password-change-required',
	/** A password that the rule in src/lib/domain/password-rule.ts refuses. */
	'weak-password',
	'not-found',
	'conflict',
	/** An assignment names an officer or a subject that does not exist. */
	'unknown-officer',
	'unknown-subject',
	'unknown-team',
	'protocol-mismatch',
	'bad-cursor',
	'throttled',
	/** A field device other than the one this session belongs to. */
	'device-mismatch',
	/** Answer to every request from a revoked device: wipe (domain/device-security.ts). */
	'device-revoked',
	/** A state-changing request from another origin without a JSON or form body. */
	'cross-origin',
	'duplicate-json-key',
	'internal'
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export const apiErrorSchema = z.object({
	error: z.object({
		code: z.string(),
		message: z.string(),
		issues: z.array(z.object({ path: z.string(), message: z.string() })).optional()
	})
});
export type ApiError = z.infer<typeof apiErrorSchema>;
