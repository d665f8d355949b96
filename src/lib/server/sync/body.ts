import { ApiFailure } from '../http';

/**
 * Reads a binary body with a hard byte limit, counting what arrives rather than trusting
 * Content-Length.
 */
export async function readBytes(request: Request, maxBytes: number): Promise<Buffer> {
	const type = request.headers.get('content-type') ?? '';
	if (!type.startsWith('application/octet-stream')) {
		throw new ApiFailure(415, 'invalid-body', 'Send the chunk as application/octet-stream');
	}
	const tooLarge = () =>
		new ApiFailure(413, 'body-too-large', `A chunk can be at most ${maxBytes} bytes`);
	if (Number(request.headers.get('content-length') ?? '0') > maxBytes) throw tooLarge();
	if (!request.body) return Buffer.alloc(0);
	const reader = request.body.getReader();
	const parts: Uint8Array[] = [];
	let size = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		size += value.byteLength;
		if (size > maxBytes) {
			await reader.cancel();
			throw tooLarge();
		}
		parts.push(value);
	}
	return Buffer.concat(parts);
}
