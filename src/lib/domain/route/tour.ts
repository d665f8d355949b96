/**
 * A closed tour as an array plus each city's position in it. Reversing a path is the only
 * primitive: 2-opt is one reversal and Or-opt two or three. Reversals flip whichever side of the
 * cycle is shorter, so a move costs at most n/2 swaps; that may flip the tour's direction, which
 * is why moves are stated as "edges to remove and add", never as "succ" and "pred".
 */
export class ArrayTour {
	readonly n: number;
	readonly order: Int32Array;
	readonly pos: Int32Array;

	constructor(cities: ArrayLike<number>) {
		this.n = cities.length;
		this.order = Int32Array.from(cities);
		this.pos = new Int32Array(this.n);
		for (let i = 0; i < this.n; i++) this.pos[this.order[i]!] = i;
	}

	succ(c: number): number {
		const i = this.pos[c]! + 1;
		return this.order[i === this.n ? 0 : i]!;
	}

	pred(c: number): number {
		const i = this.pos[c]!;
		return this.order[i === 0 ? this.n - 1 : i - 1]!;
	}

	/** Reverse the path from a to b, following succ; the cycle is the same if the rest flips. */
	reversePath(a: number, b: number): void {
		const { n, order, pos } = this;
		let i = pos[a]!;
		let j = pos[b]!;
		let len = j - i;
		if (len < 0) len += n;
		len += 1;
		if (len * 2 > n) {
			i = j + 1 === n ? 0 : j + 1;
			j = pos[a]! === 0 ? n - 1 : pos[a]! - 1;
			len = n - len;
		}
		for (let s = len >> 1; s > 0; s--) {
			const ci = order[i]!;
			const cj = order[j]!;
			order[i] = cj;
			pos[cj] = i;
			order[j] = ci;
			pos[ci] = j;
			if (++i === n) i = 0;
			if (--j < 0) j = n - 1;
		}
	}

	/** Replace edges {a,b} and {c,d} by {a,c} and {b,d}; b and d follow a and c the same way. */
	move2opt(a: number, b: number, c: number, d: number): void {
		if (this.succ(a) === b) this.reversePath(b, c);
		else this.reversePath(a, d);
	}

	/**
	 * Move the path between s1 and s2 (either way round) to sit between c and d, with s1 next to c
	 * and s2 next to d. {c,d} is an edge off the segment.
	 */
	moveSegment(s1: number, s2: number, c: number, d: number): void {
		// Name everything in the succ direction: p first..last q, and the gap cc → dd.
		const forward = this.isPath(s1, s2);
		let first = forward ? s1 : s2;
		let last = forward ? s2 : s1;
		let p = this.pred(first);
		let q = this.succ(last);
		let cc = this.succ(c) === d ? c : d;
		let dd = cc === c ? d : c;
		if (dd === p) {
			// The gap is just before the segment: describe the same move walking the other way.
			[first, last, p, q, cc, dd] = [last, first, q, p, dd, cc];
		}
		const wantCcFirst = (cc === c) === (first === s1);
		this.move2opt(p, first, cc, dd);
		if (cc !== q) this.move2opt(p, cc, q, last);
		if (wantCcFirst) this.move2opt(cc, last, first, dd);
	}

	/** True when walking succ from a reaches b within a few steps (segments are short). */
	private isPath(a: number, b: number): boolean {
		let x = a;
		for (let s = 0; s < 4; s++) {
			if (x === b) return true;
			x = this.succ(x);
		}
		return false;
	}

	copyFrom(other: ArrayTour): void {
		this.order.set(other.order);
		this.pos.set(other.pos);
	}

	/** The tour read from `start`, in its current direction. */
	from(start: number): Int32Array {
		const out = new Int32Array(this.n);
		const at = this.pos[start]!;
		for (let i = 0; i < this.n; i++) out[i] = this.order[(at + i) % this.n]!;
		return out;
	}
}
