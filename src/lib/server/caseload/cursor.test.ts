import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from './cursor';

describe('caseload cursor', () => {
	it('round-trips sequences', () => {
		for (const n of [0, 1, 35, 36, 123_456_789]) expect(decodeCursor(encodeCursor(n))).toBe(n);
	});
	it('treats no cursor as the beginning', () => {
		expect(decodeCursor(undefined)).toBe(0);
	});
	it('rejects cursors that are not ours', () => {
		for (const bad of ['', 'abc', 'c1.', 'c1.-1', 'c1.ZZ', 'c2.10', 'c1.' + 'z'.repeat(20)]) {
			expect(decodeCursor(bad)).toBeUndefined();
		}
	});
});
