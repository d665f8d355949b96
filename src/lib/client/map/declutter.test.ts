import { describe, expect, it } from 'vitest';
import { labelsToHide, type LabelBox } from './declutter';

const box = (left: number, top: number, required = false, w = 100, h = 20): LabelBox => ({
	left,
	top,
	right: left + w,
	bottom: top + h,
	required
});

describe('labelsToHide', () => {
	it('keeps labels that do not touch', () => {
		expect(labelsToHide([box(0, 0), box(0, 30), box(200, 0, true)]).size).toBe(0);
	});

	it('hides an optional label over a required one, even if it comes first', () => {
		expect(labelsToHide([box(0, 0), box(50, 10, true)])).toEqual(new Set([0]));
	});

	it('never hides a required label', () => {
		expect(labelsToHide([box(0, 0, true), box(10, 5, true)]).size).toBe(0);
	});

	it('keeps the first of two overlapping optional labels', () => {
		expect(labelsToHide([box(0, 0), box(50, 10), box(300, 0)])).toEqual(new Set([1]));
	});

	it('treats touching edges as not overlapping', () => {
		expect(labelsToHide([box(0, 0), box(100, 0)]).size).toBe(0);
	});
});
