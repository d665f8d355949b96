import { z } from 'zod';
import { idSchema, instantSchema, longText, shortText } from './common';

export const attemptResults = [
	'seen',
	'not-present',
	'no-reply',
	'refused-entry',
	'address-invalid',
	'other'
] as const;
export const attemptResultSchema = z.enum(attemptResults);
export type AttemptResult = z.infer<typeof attemptResultSchema>;

export const conditionOutcomes = ['compliant', 'breach', 'not-checked', 'not-applicable'] as const;
export const conditionOutcomeSchema = z.enum(conditionOutcomes);
export type ConditionOutcome = z.infer<typeof conditionOutcomeSchema>;

export const conditionOutcomeLabels: Record<ConditionOutcome, string> = {
	compliant: 'Compliant',
	breach: 'Breach',
	'not-checked': 'Not checked',
	'not-applicable': 'N/A'
};

/** Recorded against the condition *and the order version the officer saw*. */
export const conditionCheckSchema = z.strictObject({
	orderId: idSchema,
	orderVersion: z.number().int().positive(),
	conditionId: idSchema,
	outcome: conditionOutcomeSchema,
	notes: longText(2000)
});
export type ConditionCheck = z.infer<typeof conditionCheckSchema>;

export const positionSchema = z.strictObject({
	lat: z.number().min(-90).max(90),
	lon: z.number().min(-180).max(180),
	accuracyM: z.number().nonnegative().max(100_000),
	at: instantSchema
});

/** Why there is no position: the officer can see the state and the supervisor knows why. */
export const positionStateSchema = z.enum(['recorded', 'denied', 'unavailable', 'timeout']);

export const visitActionsSchema = z.strictObject({
	arrest: z.strictObject({ custodyReference: shortText(40).min(1) }).nullable(),
	wordsOfAdvice: z.boolean(),
	safeguardingReferral: z.strictObject({ consent: z.boolean() }).nullable(),
	intelligenceSubmitted: z.boolean(),
	bodyWornVideoRef: shortText(60).nullable()
});
export type VisitActions = z.infer<typeof visitActionsSchema>;

/** The largest photo the server accepts; the device scales photos well below it. */
export const MAX_PHOTO_BYTES = 12 * 1024 * 1024;

export const photoRefSchema = z.strictObject({
	id: idSchema,
	sha256: z.string().regex(/^[0-9a-f]{64}$/),
	// Not capped here: a visit naming an oversized photo is still accepted (the record matters
	// more than the picture); only that photo's upload is refused, and the device never takes
	// one that large (see processPhoto).
	bytes: z.number().int().positive(),
	mimeType: z.enum(['image/jpeg', 'image/webp', 'image/png']),
	width: z.number().int().positive(),
	height: z.number().int().positive()
});
export type PhotoRef = z.infer<typeof photoRefSchema>;

/** A finalised visit as it travels to the server. Once finalised it is never edited. */
export const visitSchema = z.strictObject({
	id: idSchema,
	subjectId: idSchema,
	addressId: idSchema,
	officerId: idSchema,
	secondOfficerId: idSchema.nullable(),
	startedAt: instantSchema,
	finishedAt: instantSchema,
	position: positionSchema.nullable(),
	positionState: positionStateSchema,
	result: attemptResultSchema,
	resultOther: shortText(300).nullable(),
	checks: z.array(conditionCheckSchema).max(100),
	actions: visitActionsSchema,
	notes: longText(8000),
	photos: z.array(photoRefSchema).max(20),
	/** A correction points at the visit it amends; the original stays as it was. */
	amends: idSchema.nullable(),
	/**
	 * Tamper evidence (domain/visit-hash.ts): SHA-256 of the canonical visit, its photos' hashes
	 * and `prevHash`, the hash of this device's previous visit (null for its first). Optional in
	 * protocol v1 so that visits finalised by an app version from before the chain still arrive;
	 * the server records those as "unchained" (docs/security.md) rather than refusing evidence.
	 */
	hash: z
		.string()
		.regex(/^[0-9a-f]{64}$/)
		.optional(),
	prevHash: z
		.string()
		.regex(/^[0-9a-f]{64}$/)
		.nullable()
		.optional()
});
export type Visit = z.infer<typeof visitSchema>;

export const attemptResultLabels: Record<AttemptResult, string> = {
	seen: 'Seen',
	'not-present': 'Not present',
	'no-reply': 'No reply',
	'refused-entry': 'Refused entry',
	'address-invalid': 'Address no longer valid',
	other: 'Other'
};
