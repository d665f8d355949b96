import { describe, expect, it } from 'vitest';
import { nearestNeighbours } from './neighbours';

describe('nearestNeighbours', () => {
	const xs = [0, 1, 3, 7, 15];
	const distance = (i: number, j: number) => Math.abs(xs[i]! - xs[j]!);

	it('lists the k nearest others, nearest first', () => {
		const { k, list } = nearestNeighbours(xs.length, 2, distance);
		expect(k).toBe(2);
		expect(Array.from(list.subarray(0, 2))).toEqual([1, 2]);
		expect(Array.from(list.subarray(2 * 2, 3 * 2))).toEqual([1, 0]);
		expect(Array.from(list.subarray(4 * 2, 5 * 2))).toEqual([3, 2]);
	});

	it('caps k at the number of others and breaks ties by index', () => {
		const { k, list } = nearestNeighbours(3, 10, () => 1);
		expect(k).toBe(2);
		expect(Array.from(list)).toEqual([1, 2, 0, 2, 0, 1]);
	});
});
