import { z } from 'zod';
import { PROTOCOL_VERSION } from './protocol';
import { idSchema, instantSchema } from './common';
import { photoRefSchema, visitSchema } from './visit';

/**
 * Sync protocol v1: the push half. Written up with examples in docs/sync-protocol.md.
 *
 * A device numbers its mutations 1, 2, 3… (`seq`) and sends them in order. The server applies
 * a batch in one transaction and remembers the device's last applied `seq` in that same
 * transaction, so a replayed batch is a no-op and a gap is reported, never papered over.
 */

export const MAX_BATCH = 1000;
/** Largest push body the server reads; a client splits a long outbox into batches below it. */
export const MAX_PUSH_BYTES = 4 * 1024 * 1024;

/** What a device audits about itself, offline included (issue 8). */
export const deviceAuditActions = [
	'subject-viewed',
	'unlock',
	'unlock-failed',
	'lock',
	'wipe'
] as const;
export type DeviceAuditAction = (typeof deviceAuditActions)[number];

/**
 * One device audit entry. Ids and times only, never personal data: `subjectId` says which
 * subject was viewed (only with 'subject-viewed'), `at` is the device clock when it happened.
 */
export const deviceAuditSchema = z
	.strictObject({
		action: z.enum(deviceAuditActions),
		subjectId: idSchema.optional(),
		at: instantSchema
	})
	.refine((a) => (a.action === 'subject-viewed') === (a.subjectId !== undefined), {
		message: 'subjectId goes with subject-viewed, and only with it',
		path: ['subjectId']
	});
export type DeviceAudit = z.infer<typeof deviceAuditSchema>;

const seqSchema = z.number().int().positive();

/**
 * One change recorded on a device. Visits are append-only: an amendment is a new visit.
 * Audit entries share the same sequence, so they too arrive exactly once and in order.
 */
export const mutationSchema = z.discriminatedUnion('type', [
	z.strictObject({
		type: z.literal('record-visit'),
		/** Per-device, increasing by one with every mutation the device creates. */
		seq: seqSchema,
		/** Client-generated id of the mutation itself. */
		id: idSchema,
		visit: visitSchema
	}),
	z.strictObject({
		type: z.literal('record-audit'),
		seq: seqSchema,
		id: idSchema,
		audit: deviceAuditSchema
	})
]);
export type Mutation = z.infer<typeof mutationSchema>;
export type VisitMutation = Extract<Mutation, { type: 'record-visit' }>;
export type AuditMutation = Extract<Mutation, { type: 'record-audit' }>;

export const pushRequestSchema = z.strictObject({
	protocolVersion: z.number().int(),
	deviceId: idSchema,
	mutations: z.array(z.unknown()).min(1).max(MAX_BATCH)
});
export type PushRequest = Omit<z.infer<typeof pushRequestSchema>, 'mutations'> & {
	mutations: Mutation[];
};

/** Codes a person can act on; the message says what to do. */
export const rejectionCodes = [
	'invalid-mutation',
	'wrong-officer',
	'not-assigned',
	'unknown-subject',
	'unknown-address',
	'unknown-amended-visit',
	/** A correction of a visit that another officer recorded. */
	'amends-another-officers-visit',
	'visit-id-conflict',
	/** A photo id already names different content (sha256, bytes or type). */
	'photo-id-conflict',
	/** A replayed sequence number carries a different mutation id than the one first sent. */
	'sequence-reused',
	/** Implausible visits (server/sync/plausible.ts; the time window is in docs/security.md). */
	'implausible-time',
	'finished-before-started',
	'position-missing',
	'unknown-second-officer',
	'check-of-another-subjects-order',
	'before-assignment'
] as const;
export type RejectionCode = (typeof rejectionCodes)[number];

export const mutationResultSchema = z.discriminatedUnion('status', [
	z.strictObject({
		seq: z.number().int(),
		status: z.literal('applied'),
		receivedAt: instantSchema
	}),
	/** Applied by an earlier delivery of the same mutation: nothing changed now. */
	z.strictObject({
		seq: z.number().int(),
		status: z.literal('duplicate'),
		receivedAt: instantSchema.nullable()
	}),
	/** Final: the device keeps the visit, shows why, and offers an export for manual handling. */
	z.strictObject({
		seq: z.number().int(),
		status: z.literal('rejected'),
		code: z.string(),
		message: z.string()
	}),
	/**
	 * Not looked at because an earlier sequence number is missing: send again from the
	 * response's `lastAppliedSeq + 1` (the message names that number too).
	 */
	z.strictObject({
		seq: z.number().int(),
		status: z.literal('deferred'),
		code: z.literal('sequence-gap'),
		message: z.string()
	})
]);
export type MutationResult = z.infer<typeof mutationResultSchema>;

export const pushResponseSchema = z.strictObject({
	protocolVersion: z.literal(PROTOCOL_VERSION),
	lastAppliedSeq: z.number().int().nonnegative(),
	results: z.array(mutationResultSchema)
});
export type PushResponse = z.infer<typeof pushResponseSchema>;

/** Photos travel separately, in chunks, and are checked against this hash on arrival. */
export const PHOTO_CHUNK_BYTES = 512 * 1024;

export const photoUploadStatusSchema = z.strictObject({
	photoId: idSchema,
	/** Bytes the server holds, contiguous from 0: continue from here after an interruption. */
	received: z.number().int().nonnegative(),
	complete: z.boolean()
});
export type PhotoUploadStatus = z.infer<typeof photoUploadStatusSchema>;

/** Body of PUT /api/photos/:id, which checks the upload against the visit's photo ref. */
export const photoDeclarationSchema = z.strictObject({
	visitId: idSchema,
	sha256: photoRefSchema.shape.sha256,
	bytes: photoRefSchema.shape.bytes,
	mimeType: photoRefSchema.shape.mimeType
});
export type PhotoDeclaration = z.infer<typeof photoDeclarationSchema>;

/** 409 from PUT /api/photos/:id/chunk when `offset` is not what the server holds. */
export const photoOffsetMismatchSchema = z.object({
	error: z.object({ code: z.literal('photo-offset-mismatch'), message: z.string() }),
	status: photoUploadStatusSchema
});

/**
 * Request-level error codes of the push and photo endpoints (see docs/sync-protocol.md). The
 * server's ApiFailure accepts these or an ErrorCode and nothing else.
 */
export const syncErrorCodes = [
	'protocol-mismatch',
	'device-mismatch',
	'device-revoked',
	'photo-too-large',
	'photo-hash-mismatch',
	'photo-offset-mismatch',
	'photo-id-conflict'
] as const;
export type SyncErrorCode = (typeof syncErrorCodes)[number];

/** Server receipt of a visit, as the caseload feed confirms it. */
export const visitReceiptSchema = z.strictObject({
	visitId: idSchema,
	receivedAt: instantSchema,
	photosComplete: z.boolean()
});
export type VisitReceipt = z.infer<typeof visitReceiptSchema>;
