import { describe, expect, it, vi } from 'vitest';
import { backoffMs } from './engine';
import { RetryScheduler } from './scheduler';

describe('retry back-off', () => {
	it('starts at about 5 s and doubles to a 5 min ceiling', () => {
		expect([0, 1, 2, 3, 4, 5, 6, 7, 10].map(backoffMs)).toEqual([
			5_000, 10_000, 20_000, 40_000, 80_000, 160_000, 300_000, 300_000, 300_000
		]);
	});

	it('retries failures on the timer and resets after a success', async () => {
		vi.useFakeTimers();
		try {
			const outcomes = [false, false, true];
			const task = vi.fn(async () => outcomes.shift() ?? true);
			const s = new RetryScheduler(task);
			await s.kick();
			expect(task).toHaveBeenCalledTimes(1);
			expect(s.failures).toBe(1);
			await vi.advanceTimersByTimeAsync(5_000);
			expect(task).toHaveBeenCalledTimes(2);
			expect(s.failures).toBe(2);
			await vi.advanceTimersByTimeAsync(9_999);
			expect(task).toHaveBeenCalledTimes(2);
			await vi.advanceTimersByTimeAsync(1);
			expect(task).toHaveBeenCalledTimes(3);
			expect(s.failures).toBe(0);
			await vi.advanceTimersByTimeAsync(600_000);
			expect(task).toHaveBeenCalledTimes(3);
		} finally {
			vi.useRealTimers();
		}
	});

	it('a kick runs at once instead of waiting for the timer', async () => {
		vi.useFakeTimers();
		try {
			const task = vi.fn(async () => false);
			const s = new RetryScheduler(task);
			await s.kick();
			await s.kick();
			expect(task).toHaveBeenCalledTimes(2);
		} finally {
			vi.useRealTimers();
		}
	});

	it('treats a thrown error as a failure to retry', async () => {
		vi.useFakeTimers();
		try {
			const task = vi.fn(async () => {
				throw new Error('offline');
			});
			const s = new RetryScheduler(task);
			await s.kick();
			expect(s.failures).toBe(1);
		} finally {
			vi.useRealTimers();
		}
	});
});

describe('retry timer in a browser', () => {
	it('calls the timer functions with the global as `this`, as browsers require', async () => {
		// Browsers throw "Illegal invocation" when setTimeout is called as a method of another
		// object; emulate that strictness.
		const real = globalThis.setTimeout;
		const strict = function (this: unknown, fn: () => void, ms?: number) {
			if (this !== undefined && this !== globalThis) throw new TypeError('Illegal invocation');
			return real(fn, ms);
		} as unknown as typeof setTimeout;
		globalThis.setTimeout = strict;
		try {
			const s = new RetryScheduler(async () => false);
			await s.kick();
			expect(s.failures).toBe(1);
			s.stop();
		} finally {
			globalThis.setTimeout = real;
		}
	});
});
