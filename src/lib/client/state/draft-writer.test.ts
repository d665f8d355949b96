import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DraftWriter } from './draft-writer';

let value = '';
let saved: string[] = [];
const writer = () =>
	new DraftWriter(async () => {
		saved.push(value);
	}, 300);

beforeEach(() => {
	vi.useFakeTimers();
	value = '';
	saved = [];
});
afterEach(() => vi.useRealTimers());

/** Types `text` one character per `everyMs`, as an officer would. */
async function type(w: DraftWriter, text: string, everyMs: number): Promise<void> {
	for (const ch of text) {
		value += ch;
		w.changed();
		await vi.advanceTimersByTimeAsync(everyMs);
	}
}

describe('DraftWriter', () => {
	it('saves the latest value at most once per interval while typing, and loses at most one interval', async () => {
		const w = writer();
		await type(w, 'Spoke at the door', 100); // 17 keystrokes over 1.7 s
		expect(saved.length).toBeLessThanOrEqual(6);
		expect(saved.length).toBeGreaterThanOrEqual(5);
		// Whatever is on disk is never more than the last interval's typing behind.
		expect(value.startsWith(saved.at(-1)!)).toBe(true);
		expect(value.length - saved.at(-1)!.length).toBeLessThanOrEqual(3);
		await vi.advanceTimersByTimeAsync(300);
		expect(saved.at(-1)).toBe('Spoke at the door');
	});

	it('flush saves at once what is pending, and nothing when nothing is', async () => {
		const w = writer();
		value = 'a';
		w.changed();
		await w.flush();
		expect(saved).toEqual(['a']);
		await w.flush();
		await vi.advanceTimersByTimeAsync(1000);
		expect(saved).toEqual(['a']);
	});

	it('runs an exclusive write after the pending save and before any later one', async () => {
		const w = writer();
		value = 'before photo';
		w.changed();
		const order: string[] = [];
		await w.exclusive(async () => {
			order.push(`photo after ${saved.join(',')}`);
		});
		expect(order).toEqual(['photo after before photo']);
	});

	it('cancel forgets pending changes (the draft is being discarded)', async () => {
		const w = writer();
		value = 'gone';
		w.changed();
		await w.cancel();
		await vi.advanceTimersByTimeAsync(1000);
		expect(saved).toEqual([]);
	});
});
