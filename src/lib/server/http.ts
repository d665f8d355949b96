import { json } from '@sveltejs/kit';
import type { z } from 'zod';
import { idSchema } from '$lib/domain/common';
import type { ErrorCode } from '$lib/domain/errors';
import type { SyncErrorCode } from '$lib/domain/sync';
import { duplicateKey } from './security/strict-json';

/** A failure a client can act on: rendered as `{ error: { code, message, issues? } }`. */
export class ApiFailure extends Error {
	constructor(
		readonly status: number,
		readonly code: ErrorCode | SyncErrorCode,
		message: string,
		readonly issues?: { path: string; message: string }[]
	) {
		super(message);
	}
}

export function errorResponse(f: ApiFailure): Response {
	// A revoked device wipes itself on this answer (domain/device-security.ts).
	const wipe = f.code === 'device-revoked' ? { wipe: true } : {};
	return json(
		{
			error: {
				code: f.code,
				message: f.message,
				...wipe,
				...(f.issues ? { issues: f.issues } : {})
			}
		},
		{ status: f.status, headers: { 'cache-control': 'no-store' } }
	);
}

/** Wraps a route handler so every ApiFailure becomes a JSON error and nothing else leaks. */
export function handler<E>(fn: (event: E) => Promise<Response>): (event: E) => Promise<Response> {
	return async (event) => {
		try {
			return await fn(event);
		} catch (e) {
			if (e instanceof ApiFailure) return errorResponse(e);
			throw e;
		}
	};
}

export function issuesOf(error: z.ZodError): { path: string; message: string }[] {
	return error.issues.slice(0, 20).map((i) => ({
		path: i.path.map(String).join('.') || '(body)',
		message: i.message
	}));
}

export function parseWith<S extends z.ZodType>(
	schema: S,
	value: unknown,
	code: ErrorCode = 'invalid-body'
): z.infer<S> {
	const result = schema.safeParse(value);
	if (!result.success) {
		throw new ApiFailure(
			400,
			code,
			'The request does not match what this endpoint accepts',
			issuesOf(result.error)
		);
	}
	return result.data;
}

/**
 * Reads a JSON body with a hard byte limit, counting what actually arrives rather than trusting
 * Content-Length, then validates it. Nothing is written before this returns.
 */
export async function readJson<S extends z.ZodType>(
	request: Request,
	schema: S,
	maxBytes = 64 * 1024
): Promise<z.infer<S>> {
	const type = request.headers.get('content-type') ?? '';
	if (!type.includes('application/json')) {
		throw new ApiFailure(415, 'invalid-body', 'Send the body as application/json');
	}
	const tooLarge = () =>
		new ApiFailure(413, 'body-too-large', `The body is larger than ${maxBytes} bytes`);
	const text = new TextDecoder().decode(await readLimited(request, maxBytes, tooLarge));
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		throw new ApiFailure(400, 'bad-json', 'The body is not valid JSON');
	}
	const repeated = duplicateKey(text);
	if (repeated !== null) {
		throw new ApiFailure(
			400,
			'duplicate-json-key',
			`The key "${repeated.slice(0, 40)}" appears twice in one object`
		);
	}
	return parseWith(schema, value);
}

/** What the server reads and discards past a limit so the client gets its 413, not a reset. */
export const DRAIN_MAX_BYTES = 64 * 1024 * 1024;

/**
 * The body's bytes, refused with `tooLarge()` as soon as more than `maxBytes` have been declared
 * or have arrived: what arrives is counted rather than Content-Length trusted. An over-limit
 * body (chunked ones too) is read to its end and discarded, up to DRAIN_MAX_BYTES more, so the
 * client can read the 413 instead of seeing the connection reset; beyond that it is cut off.
 */
export async function readLimited(
	request: Request,
	maxBytes: number,
	tooLarge: () => ApiFailure
): Promise<Buffer> {
	if (Number(request.headers.get('content-length') ?? '0') > maxBytes) throw tooLarge();
	if (!request.body) return Buffer.alloc(0);
	const reader = request.body.getReader();
	const parts: Uint8Array[] = [];
	let size = 0;
	for (;;) {
		const { done, value } = await readChunk(reader, tooLarge);
		if (done) break;
		size += value.byteLength;
		if (size > maxBytes) {
			await drain(reader, tooLarge);
			throw tooLarge();
		}
		parts.push(value);
	}
	return Buffer.concat(parts);
}

/**
 * A body the route answered without reading (the wrong type, too large by its declared length)
 * is read to its end and discarded, up to DRAIN_MAX_BYTES, before the answer goes. Left
 * unread, it held the keep-alive connection: the client's next request on it got no answer
 * until the connection was reset (tests/integration/bad-input.test.ts).
 */
export async function discardUnread(request: Request): Promise<void> {
	if (!request.body || request.bodyUsed || request.body.locked) return;
	const refused = () => new ApiFailure(413, 'body-too-large', 'The body is too large');
	// A body cut off or over adapter-node's own limit is the adapter's to close.
	await drain(request.body.getReader(), refused).catch(() => undefined);
}

/** adapter-node's own BODY_SIZE_LIMIT surfaces as a stream error with status 413. */
async function readChunk(
	reader: ReadableStreamDefaultReader<Uint8Array>,
	tooLarge: () => ApiFailure
): Promise<ReadableStreamReadResult<Uint8Array>> {
	try {
		return await reader.read();
	} catch (e) {
		if ((e as { status?: number } | null)?.status === 413) throw tooLarge();
		throw e;
	}
}

async function drain(
	reader: ReadableStreamDefaultReader<Uint8Array>,
	tooLarge: () => ApiFailure
): Promise<void> {
	let drained = 0;
	while (drained <= DRAIN_MAX_BYTES) {
		const { done, value } = await readChunk(reader, tooLarge);
		if (done) return;
		drained += value.byteLength;
	}
	await reader.cancel();
}

/** A route's `[id]`: anything that is not an id names nothing here, so it is a 404. */
export function idParam(raw: string, what: string): string {
	const id = idSchema.safeParse(raw);
	if (!id.success) throw new ApiFailure(404, 'not-found', `No such ${what}`);
	return id.data;
}

export function noStore(body: unknown, status = 200): Response {
	return json(body, { status, headers: { 'cache-control': 'no-store' } });
}
