import { describe, expect, it } from 'vitest';
import { makeVisit, uuid } from './testing';
import { canonicalVisit, visitHash } from './visit-hash';

describe('visit hash chain', () => {
	it('is the same whatever the key order, and leaves out hash and prevHash', async () => {
		const v = makeVisit({ id: uuid(1) });
		const reordered = Object.fromEntries(Object.entries(v).reverse()) as typeof v;
		expect(canonicalVisit(reordered, [], null)).toBe(canonicalVisit(v, [], null));
		const withHash = { ...v, hash: 'a'.repeat(64), prevHash: null };
		expect(await visitHash(withHash, [], null)).toBe(await visitHash(v, [], null));
	});

	it('changes with any edit, with the photos and with the previous hash', async () => {
		const v = makeVisit({ id: uuid(1) });
		const h = await visitHash(v, [], null);
		expect(h).toMatch(/^[0-9a-f]{64}$/);
		expect(await visitHash({ ...v, notes: v.notes + '.' }, [], null)).not.toBe(h);
		expect(await visitHash(v, ['b'.repeat(64)], null)).not.toBe(h);
		expect(await visitHash(v, [], h)).not.toBe(h);
	});

	it('has a fixed canonical text (device and server must agree byte for byte)', () => {
		const v = makeVisit({ id: uuid(1) });
		const text = canonicalVisit(v, ['c'.repeat(64)], null);
		expect(
			text.startsWith('{"photoHashes":["' + 'c'.repeat(64) + '"],"prevHash":null,"v":1,"visit":{')
		).toBe(true);
		expect(text).not.toMatch(/\s"|":\s/);
	});
});
