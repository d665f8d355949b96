import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { mapConfigSchema } from '../../domain/map-config';
import { ApiFailure } from '../http';
import { areaPackFile, serveAreaPack } from './area-pack';
import { mapConfig } from './config';

const dir = mkdtempSync(join(tmpdir(), 'fieldcheck-area-pack-'));
const path = join(dir, 'pack.pmtiles');
const body = Buffer.from('PMTiles' + '0123456789'.repeat(10));
writeFileSync(path, body);
const sha = createHash('sha256').update(body).digest('hex');

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const get = (headers: Record<string, string> = {}, method = 'GET') =>
	new Request('http://localhost/api/map/area-pack', { method, headers });

describe('areaPackFile', () => {
	it('describes the pack by size, content hash and time', async () => {
		const file = await areaPackFile(path);
		expect(file).toMatchObject({ bytes: body.length, sha256: sha, etag: `"${sha}"` });
		expect(file!.updatedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
	});

	it('is null when no pack has been placed', async () => {
		expect(await areaPackFile(join(dir, 'missing.pmtiles'))).toBeNull();
	});
});

describe('serveAreaPack', async () => {
	const file = (await areaPackFile(path))!;

	it('sends the whole file, saying ranges are accepted', async () => {
		const res = serveAreaPack(get(), file);
		expect(res.status).toBe(200);
		expect(res.headers.get('accept-ranges')).toBe('bytes');
		expect(res.headers.get('etag')).toBe(file.etag);
		expect(Buffer.from(await res.arrayBuffer())).toEqual(body);
	});

	it('sends one range as 206 with its Content-Range', async () => {
		const res = serveAreaPack(get({ range: 'bytes=7-16' }), file);
		expect(res.status).toBe(206);
		expect(res.headers.get('content-range')).toBe(`bytes 7-16/${body.length}`);
		expect(res.headers.get('content-length')).toBe('10');
		expect(await res.text()).toBe('0123456789');
	});

	it('sends the whole new file when If-Range names another version', async () => {
		const res = serveAreaPack(get({ range: 'bytes=7-16', 'if-range': '"old"' }), file);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-length')).toBe(String(body.length));
		await res.body?.cancel();
	});

	it('answers 416 to a range past the end, and HEAD with headers only', async () => {
		const past = serveAreaPack(get({ range: `bytes=${body.length}-` }), file);
		expect(past.status).toBe(416);
		expect(past.headers.get('content-range')).toBe(`bytes */${body.length}`);
		const head = serveAreaPack(get({}, 'HEAD'), file);
		expect(head.headers.get('content-length')).toBe(String(body.length));
		expect(head.body).toBeNull();
	});
});

describe('mapConfig', () => {
	it('defaults to OpenStreetMap with its attribution, and offers the placed pack', async () => {
		const config = mapConfigSchema.parse(await mapConfig({ FIELDCHECK_AREA_PACK: path }));
		expect(config).toEqual({
			tileUrl: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
			attribution: '© OpenStreetMap contributors',
			areaPack: { bytes: body.length, sha256: sha, updatedAt: expect.any(String) }
		});
	});

	it('takes the tile URL and attribution from the environment, or none at all', async () => {
		const own = await mapConfig({
			FIELDCHECK_TILE_URL: 'https://tiles.force.example/{z}/{x}/{y}.png',
			FIELDCHECK_TILE_ATTRIBUTION: '© Example Force',
			FIELDCHECK_AREA_PACK: join(dir, 'missing.pmtiles')
		});
		expect(own).toEqual({
			tileUrl: 'https://tiles.force.example/{z}/{x}/{y}.png',
			attribution: '© Example Force',
			areaPack: null
		});
		const off = await mapConfig({ FIELDCHECK_TILE_URL: 'none', FIELDCHECK_AREA_PACK: path });
		expect(off.tileUrl).toBeNull();
	});

	it('refuses a tile URL that is not an https template rather than quietly using another', async () => {
		const bad = mapConfig({ FIELDCHECK_TILE_URL: 'http://tiles.example/{z}/{x}/{y}.png' });
		await expect(bad).rejects.toBeInstanceOf(ApiFailure);
	});
});
