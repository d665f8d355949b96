import { describe, expect, it } from 'vitest';
import { planBatch } from './plan';

const seqs = (xs: { seq: number }[]) => xs.map((x) => x.seq);
const items = (...ns: number[]) => ns.map((seq) => ({ seq }));

describe('planBatch', () => {
	it('looks at a clean run from last + 1', () => {
		const p = planBatch(items(3, 1, 2), 0);
		expect(seqs(p.next)).toEqual([1, 2, 3]);
		expect(p.replays).toEqual([]);
		expect(p.deferred).toEqual([]);
		expect(p.expectedSeq).toBe(4);
	});

	it('treats sequences at or below the last applied as replays', () => {
		const p = planBatch(items(4, 5, 6, 7), 5);
		expect(seqs(p.replays)).toEqual([4, 5]);
		expect(seqs(p.next)).toEqual([6, 7]);
	});

	it('defers everything from the first gap, even later consecutive runs', () => {
		const p = planBatch(items(1, 2, 4, 5, 7), 0);
		expect(seqs(p.next)).toEqual([1, 2]);
		expect(seqs(p.deferred)).toEqual([4, 5, 7]);
		expect(p.expectedSeq).toBe(3);
	});

	it('defers a whole batch that starts past the expected sequence', () => {
		const p = planBatch(items(10, 11), 3);
		expect(p.next).toEqual([]);
		expect(seqs(p.deferred)).toEqual([10, 11]);
		expect(p.expectedSeq).toBe(4);
	});
});
