/**
 * Deterministic randomness for synthetic data: the same key always gives the same stream.
 *
 * sfc32 rather than mulberry32: every subject draws from its own stream so that subject 7 is the
 * same in a 60- and a 10,000-subject caseload, and with mulberry32's 32-bit state thousands of
 * streams would overlap and repeat uuids. sfc32 carries 128 bits, seeded by hashing the key.
 */

export type Seed = number | string;

/** cyrb128: spreads a string over four 32-bit words so that similar keys give unrelated seeds. */
function hash128(key: string): [number, number, number, number] {
	let h1 = 1779033703;
	let h2 = 3144134277;
	let h3 = 1013904242;
	let h4 = 2773480762;
	for (let i = 0; i < key.length; i++) {
		const k = key.charCodeAt(i);
		h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
		h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
		h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
		h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
	}
	h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
	h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
	h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
	h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
	h1 ^= h2 ^ h3 ^ h4;
	h2 ^= h1;
	h3 ^= h1;
	h4 ^= h1;
	return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

function hex16(n: number): string {
	return HEX[(n >>> 8) & 0xff]! + HEX[n & 0xff]!;
}

export class Rng {
	readonly key: string;
	#a: number;
	#b: number;
	#c: number;
	#d: number;

	constructor(seed: Seed) {
		this.key = String(seed);
		[this.#a, this.#b, this.#c, this.#d] = hash128(this.key);
		// The first outputs of sfc32 still echo the seed; discard them.
		for (let i = 0; i < 12; i++) this.uint32();
	}

	/** An independent stream, stable whatever else is drawn from this one. */
	fork(label: string | number): Rng {
		return new Rng(`${this.key}/${label}`);
	}

	uint32(): number {
		const t = (((this.#a + this.#b) | 0) + this.#d) | 0;
		this.#d = (this.#d + 1) | 0;
		this.#a = this.#b ^ (this.#b >>> 9);
		this.#b = (this.#c + (this.#c << 3)) | 0;
		this.#c = ((this.#c << 21) | (this.#c >>> 11)) + t;
		this.#c |= 0;
		return t >>> 0;
	}

	/** Uniform in [0, 1). */
	next(): number {
		return this.uint32() / 4294967296;
	}

	/** Integer in [min, max], both inclusive. */
	int(min: number, max: number): number {
		return min + Math.floor(this.next() * (max - min + 1));
	}

	float(min: number, max: number): number {
		return min + this.next() * (max - min);
	}

	chance(p: number): boolean {
		return this.next() < p;
	}

	pick<T>(items: readonly T[]): T {
		if (items.length === 0) throw new RangeError('pick from an empty list');
		return items[Math.floor(this.next() * items.length)]!;
	}

	/** Picks by relative weight: [['high', 25], ['medium', 45]] … */
	weighted<T>(entries: readonly (readonly [T, number])[]): T {
		let total = 0;
		for (const [, w] of entries) total += w;
		let r = this.next() * total;
		for (const [value, w] of entries) {
			r -= w;
			if (r < 0) return value;
		}
		const last = entries[entries.length - 1];
		if (!last) throw new RangeError('weighted pick from an empty list');
		return last[0];
	}

	/** A shuffled copy (Fisher–Yates); the input is left alone. */
	shuffle<T>(items: readonly T[]): T[] {
		const out = items.slice();
		for (let i = out.length - 1; i > 0; i--) {
			const j = Math.floor(this.next() * (i + 1));
			[out[i], out[j]] = [out[j]!, out[i]!];
		}
		return out;
	}

	/** n distinct items in random order. */
	sample<T>(items: readonly T[], n: number): T[] {
		return this.shuffle(items).slice(0, n);
	}

	/** A version-4-format uuid whose 122 random bits come from this stream. */
	uuid(): string {
		const a = this.uint32();
		const b = this.uint32();
		const c = this.uint32();
		const d = this.uint32();
		const version = (b & 0x0fff) | 0x4000;
		const variant = ((c >>> 16) & 0x3fff) | 0x8000;
		return (
			hex16(a >>> 16) +
			hex16(a) +
			'-' +
			hex16(b >>> 16) +
			'-' +
			hex16(version) +
			'-' +
			hex16(variant) +
			'-' +
			hex16(c) +
			hex16(d >>> 16) +
			hex16(d)
		);
	}

	/** Upper-case letters and digits, e.g. for pseudonymous references. */
	code(length: number, alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'): string {
		let out = '';
		for (let i = 0; i < length; i++) out += alphabet[Math.floor(this.next() * alphabet.length)];
		return out;
	}

	/** Zero-padded decimal digits, e.g. the 004512 of BD-26-004512. */
	digits(length: number): string {
		let out = '';
		for (let i = 0; i < length; i++) out += String(Math.floor(this.next() * 10));
		return out;
	}
}
