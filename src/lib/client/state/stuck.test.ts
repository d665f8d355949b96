import { describe, expect, it } from 'vitest';
import { isStuck, STUCK_AFTER_MS } from './stuck';

const savedAt = '2026-11-27T10:00:00.000Z';
const after = (ms: number) => new Date(Date.parse(savedAt) + ms);

describe('isStuck', () => {
	it('flags something waiting longer than the limit while online', () => {
		expect(isStuck(savedAt, after(STUCK_AFTER_MS + 60_000), true)).toBe(true);
	});

	it('does not flag something that has waited less than the limit', () => {
		expect(isStuck(savedAt, after(STUCK_AFTER_MS - 60_000), true)).toBe(false);
		expect(isStuck(savedAt, after(0), true)).toBe(false);
	});

	it('never flags while offline (waiting is expected) or when nothing waits', () => {
		expect(isStuck(savedAt, after(STUCK_AFTER_MS * 10), false)).toBe(false);
		expect(isStuck(null, after(STUCK_AFTER_MS * 10), true)).toBe(false);
	});
});
