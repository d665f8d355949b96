import { ApiFailure, readLimited } from '../http';

/** Reads a binary body (a photo chunk) with a hard byte limit. */
export async function readBytes(request: Request, maxBytes: number): Promise<Buffer> {
	const type = request.headers.get('content-type') ?? '';
	if (!type.startsWith('application/octet-stream')) {
		throw new ApiFailure(415, 'invalid-body', 'Send the chunk as application/octet-stream');
	}
	return readLimited(
		request,
		maxBytes,
		() => new ApiFailure(413, 'body-too-large', `A chunk can be at most ${maxBytes} bytes`)
	);
}
