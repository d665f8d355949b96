/**
 * Distance and travel-time matrices. The optimiser only ever sees an n×n matrix, so TSPLIB's
 * rounded Euclidean distances, straight-line haversine × circuity and (later) road figures from an
 * OSRM table service are interchangeable. Row-major Float64Array, because the search reads it in
 * its innermost loops and nested arrays cost a pointer chase and a bounds check per read.
 */
import type { LatLng } from '../common';
import { haversineM } from '../geo';

export interface Matrix {
	readonly n: number;
	/** Row-major: the value from i to j is data[i * n + j]. */
	readonly data: Float64Array;
}

export type MatrixInput = Matrix | Float64Array | readonly (readonly number[])[];

/** Road distance over straight-line distance; 1.3 is typical for mixed town and country roads. */
export const DEFAULT_CIRCUITY = 1.3;
export const DEFAULT_SPEED_KMH = 40;

export function toMatrix(input: MatrixInput): Matrix {
	if (input instanceof Float64Array) return fromFlat(input);
	if (isMatrix(input)) return fromFlat(input.data);
	const n = input.length;
	const data = new Float64Array(n * n);
	input.forEach((row, i) => {
		if (row.length !== n)
			throw new RangeError(`matrix row ${i} has ${row.length} entries, not ${n}`);
		data.set(row, i * n);
	});
	return fromFlat(data);
}

function isMatrix(input: MatrixInput): input is Matrix {
	return 'data' in input && input.data instanceof Float64Array;
}

function fromFlat(data: Float64Array): Matrix {
	const n = Math.round(Math.sqrt(data.length));
	if (n * n !== data.length) throw new RangeError(`matrix of ${data.length} entries is not square`);
	for (const v of data) {
		if (!(v >= 0 && v < Infinity)) throw new RangeError('matrix entries must be finite and >= 0');
	}
	return { n, data };
}

export function matrixAt(m: Matrix, i: number, j: number): number {
	return m.data[i * m.n + j]!;
}

export function isSymmetric(m: Matrix, epsilon = 1e-9): boolean {
	for (let i = 0; i < m.n; i++) {
		for (let j = i + 1; j < m.n; j++) {
			if (Math.abs(m.data[i * m.n + j]! - m.data[j * m.n + i]!) > epsilon) return false;
		}
	}
	return true;
}

function build(n: number, value: (i: number, j: number) => number): Matrix {
	const data = new Float64Array(n * n);
	for (let i = 0; i < n; i++) {
		for (let j = i + 1; j < n; j++) {
			const v = value(i, j);
			data[i * n + j] = v;
			data[j * n + i] = v;
		}
	}
	return { n, data };
}

/** TSPLIB EUC_2D: nint(sqrt(dx² + dy²)), rounded before summing as the published optima assume. */
export function tsplibEuc2dMatrix(points: readonly { x: number; y: number }[]): Matrix {
	return build(points.length, (i, j) => {
		const a = points[i]!;
		const b = points[j]!;
		return Math.floor(Math.hypot(a.x - b.x, a.y - b.y) + 0.5);
	});
}

/** Estimated road metres: great-circle distance times a circuity factor. */
export function haversineMatrix(points: readonly LatLng[], circuity = DEFAULT_CIRCUITY): Matrix {
	if (!(circuity >= 1)) throw new RangeError('circuity must be >= 1');
	return build(points.length, (i, j) => haversineM(points[i]!, points[j]!) * circuity);
}

/** Minutes to cover each distance at a steady speed. */
export function travelTimeMatrix(metres: Matrix, speedKmh = DEFAULT_SPEED_KMH): Matrix {
	if (!(speedKmh > 0)) throw new RangeError('speedKmh must be > 0');
	const metresPerMin = (speedKmh * 1000) / 60;
	return { n: metres.n, data: metres.data.map((m) => m / metresPerMin) };
}
