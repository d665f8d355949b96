import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { maybeGzip } from './compress';

const big = JSON.stringify({
	rows: Array.from({ length: 2000 }, (_, i) => ({ i, name: 'Bedford' }))
});
const json = (body: string) =>
	new Response(body, { headers: { 'content-type': 'application/json' } });
const req = (enc: string | null) =>
	new Request('http://x/api/caseload', { headers: enc ? { 'accept-encoding': enc } : {} });

describe('maybeGzip', () => {
	it('gzips large JSON when the client accepts gzip, and the body survives the round trip', async () => {
		const res = await maybeGzip(req('gzip, deflate, br'), json(big));
		expect(res.headers.get('content-encoding')).toBe('gzip');
		const bytes = Buffer.from(await res.arrayBuffer());
		expect(bytes.byteLength).toBeLessThan(big.length / 3);
		expect(gunzipSync(bytes).toString()).toBe(big);
	});

	it('leaves small bodies, errors and clients without gzip alone', async () => {
		expect(
			(await maybeGzip(req('gzip'), json('{"a":1}'))).headers.get('content-encoding')
		).toBeNull();
		expect((await maybeGzip(req(null), json(big))).headers.get('content-encoding')).toBeNull();
		const error = new Response(big, {
			status: 400,
			headers: { 'content-type': 'application/json' }
		});
		expect((await maybeGzip(req('gzip'), error)).headers.get('content-encoding')).toBeNull();
	});
});
