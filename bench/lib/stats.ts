export function median(xs: number[]): number {
	if (xs.length === 0) return NaN;
	const s = [...xs].sort((a, b) => a - b);
	const mid = Math.floor(s.length / 2);
	return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** The q-quantile (0..1) by the nearest-rank method. */
export function quantile(xs: number[], q: number): number {
	const s = [...xs].sort((a, b) => a - b);
	return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)] ?? NaN;
}

/** Rounds for printing: a benchmark's tenths of a millisecond are noise. */
export function round(x: number, digits = 1): number {
	const f = 10 ** digits;
	return Math.round(x * f) / f;
}

export interface Target {
	name: string;
	measured: number;
	limit: number;
	unit: string;
}

/** PASS or FAIL, as every benchmark's summary prints it. */
export const verdict = (ok: boolean): 'PASS' | 'FAIL' => (ok ? 'PASS' : 'FAIL');

/** One line per target, PASS or FAIL first so a reader's eye finds the verdict. */
export function verdicts(targets: Target[]): string[] {
	return targets.map((t) =>
		Number.isNaN(t.measured)
			? `n/a   ${t.name}: not in this build`
			: `${verdict(t.measured <= t.limit)}  ${t.name}: ${round(t.measured, 2)} ${t.unit} (target ≤ ${t.limit} ${t.unit})`
	);
}
