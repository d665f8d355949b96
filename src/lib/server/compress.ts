import { promisify } from 'node:util';
import { constants, gzip } from 'node:zlib';

const gzipAsync = promisify(gzip);

/** Only worth it for large JSON: a 10,000-subject caseload shrinks about five-fold. */
const MIN_BYTES = 8 * 1024;

/**
 * Gzips a JSON API response when the client accepts it. adapter-node compresses static files
 * but not dynamic responses, and station Wi-Fi is slow. Level 1: nearly all the gain for a
 * fraction of the CPU.
 */
export async function maybeGzip(request: Request, response: Response): Promise<Response> {
	if (!/\bgzip\b/.test(request.headers.get('accept-encoding') ?? '')) return response;
	if (!response.ok || response.headers.has('content-encoding')) return response;
	if (!(response.headers.get('content-type') ?? '').includes('application/json')) return response;
	const body = Buffer.from(await response.arrayBuffer());
	if (body.byteLength < MIN_BYTES) return rebuild(response, body);
	const zipped = await gzipAsync(body, { level: constants.Z_BEST_SPEED });
	const headers = new Headers(response.headers);
	headers.set('content-encoding', 'gzip');
	headers.set('content-length', String(zipped.byteLength));
	headers.append('vary', 'accept-encoding');
	return new Response(new Uint8Array(zipped), { status: response.status, headers });
}

function rebuild(response: Response, body: Buffer): Response {
	return new Response(new Uint8Array(body), { status: response.status, headers: response.headers });
}
