import { describe, expect, it } from 'vitest';
import { ifRangeMatches, parseRange } from './range';

describe('parseRange', () => {
	it('reads a closed, an open-ended and a suffix range', () => {
		expect(parseRange('bytes=0-99', 1000)).toEqual({ start: 0, end: 99 });
		expect(parseRange('bytes=900-', 1000)).toEqual({ start: 900, end: 999 });
		expect(parseRange('bytes=-100', 1000)).toEqual({ start: 900, end: 999 });
	});

	it('clamps a range that runs past the end of the file', () => {
		expect(parseRange('bytes=990-2000', 1000)).toEqual({ start: 990, end: 999 });
		expect(parseRange('bytes=-5000', 1000)).toEqual({ start: 0, end: 999 });
	});

	it('is unsatisfiable when it starts past the end', () => {
		expect(parseRange('bytes=1000-1100', 1000)).toBe('unsatisfiable');
		expect(parseRange('bytes=-0', 1000)).toBe('unsatisfiable');
	});

	it('ignores what it cannot use, so the whole file is sent', () => {
		for (const h of [null, 'bytes=0-1,5-9', 'items=0-9', 'bytes=9-3', 'bytes=-', 'nonsense']) {
			expect(parseRange(h, 1000)).toBeNull();
		}
	});
});

describe('ifRangeMatches', () => {
	it('holds with no If-Range or the same validator, not with another', () => {
		expect(ifRangeMatches(null, '"abc"')).toBe(true);
		expect(ifRangeMatches('"abc"', '"abc"')).toBe(true);
		expect(ifRangeMatches('"old"', '"abc"')).toBe(false);
		expect(ifRangeMatches('Wed, 21 Oct 2026 07:28:00 GMT', '"abc"')).toBe(false);
	});
});
