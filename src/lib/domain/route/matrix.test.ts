import { describe, expect, it } from 'vitest';
import {
	haversineMatrix,
	isSymmetric,
	matrixAt,
	toMatrix,
	travelTimeMatrix,
	tsplibEuc2dMatrix
} from './matrix';

const BEDFORD = { lat: 52.136, lon: -0.467 };
const LUTON = { lat: 51.879, lon: -0.417 };
const SANDY = { lat: 52.131, lon: -0.297 };

describe('toMatrix', () => {
	it('accepts nested arrays and flat Float64Arrays alike', () => {
		const nested = toMatrix([
			[0, 1, 2],
			[1, 0, 3],
			[2, 3, 0]
		]);
		const flat = toMatrix(new Float64Array([0, 1, 2, 1, 0, 3, 2, 3, 0]));
		expect(nested).toEqual(flat);
		expect(nested.n).toBe(3);
		expect(matrixAt(nested, 2, 1)).toBe(3);
	});

	it('rejects ragged, non-square, negative and non-finite input', () => {
		expect(() => toMatrix([[0, 1], [1]])).toThrow(RangeError);
		expect(() => toMatrix(new Float64Array(5))).toThrow(RangeError);
		expect(() =>
			toMatrix([
				[0, -1],
				[1, 0]
			])
		).toThrow(RangeError);
		expect(() =>
			toMatrix([
				[0, NaN],
				[1, 0]
			])
		).toThrow(RangeError);
	});

	it('tells symmetric from one-way matrices', () => {
		expect(
			isSymmetric(
				toMatrix([
					[0, 1],
					[1, 0]
				])
			)
		).toBe(true);
		expect(
			isSymmetric(
				toMatrix([
					[0, 1],
					[2, 0]
				])
			)
		).toBe(false);
	});
});

describe('tsplibEuc2dMatrix', () => {
	it('rounds each distance to the nearest integer, halves up', () => {
		const m = tsplibEuc2dMatrix([
			{ x: 0, y: 0 },
			{ x: 3, y: 4 },
			{ x: 1, y: 1 },
			{ x: 1.5, y: 0 }
		]);
		expect(matrixAt(m, 0, 1)).toBe(5);
		expect(matrixAt(m, 0, 2)).toBe(1); // 1.414…
		expect(matrixAt(m, 0, 3)).toBe(2); // 1.5
		expect(matrixAt(m, 3, 0)).toBe(2);
		expect(matrixAt(m, 2, 2)).toBe(0);
	});
});

describe('haversineMatrix and travelTimeMatrix', () => {
	it('scales great-circle metres by the circuity factor', () => {
		const straight = haversineMatrix([BEDFORD, LUTON, SANDY], 1);
		const road = haversineMatrix([BEDFORD, LUTON, SANDY]);
		expect(matrixAt(straight, 0, 1)).toBeGreaterThan(28_700);
		expect(matrixAt(straight, 0, 1)).toBeLessThan(28_900);
		expect(matrixAt(road, 0, 1)).toBeCloseTo(matrixAt(straight, 0, 1) * 1.3, 6);
		expect(isSymmetric(road)).toBe(true);
		expect(() => haversineMatrix([BEDFORD], 0.9)).toThrow(RangeError);
	});

	it('turns metres into minutes at a steady speed', () => {
		const minutes = travelTimeMatrix(
			toMatrix([
				[0, 40_000],
				[20_000, 0]
			]),
			40
		);
		expect(matrixAt(minutes, 0, 1)).toBeCloseTo(60, 9);
		expect(matrixAt(minutes, 1, 0)).toBeCloseTo(30, 9);
		expect(() => travelTimeMatrix(minutes, 0)).toThrow(RangeError);
	});
});
