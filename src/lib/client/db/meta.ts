import type { z } from 'zod';
import { database } from './database';

/**
 * One small named value kept on the device (in the `meta` table), with the schema it must
 * match. What is read back is parsed, never cast: a value written by an older build, or
 * damaged, reads as absent (the caller's default applies) and the start-up check
 * (quarantine.ts) moves it aside and tells the officer. Values that must never silently
 * fall back (the device id, the next sequence number) are `critical`: reading a bad one throws.
 * The values themselves are declared by concern: sync-values.ts, account-values.ts,
 * route-values.ts, map-values.ts.
 */
export interface StoredValue<T> {
	readonly key: string;
	readonly schema: z.ZodType<T>;
	/** Never falls back: a bad value is kept where it is and reading it throws. */
	readonly critical: boolean;
	/** Whether the start-up check parses it (see `storedValue`'s `checkedAtStart`). */
	readonly checkedAtStart: boolean;
	get(): Promise<T | undefined>;
	/** What `get` gives for a row already read (see `getValues`). */
	fromRow(row: { value: unknown } | undefined): T | undefined;
	/** The row `set` writes: parsed on the way in too, so a bad value is refused here. */
	toRow(value: T): { key: string; value: T };
	set(value: T): Promise<void>;
	remove(): Promise<void>;
}

export class StoredValueError extends Error {
	readonly code = 'stored-value-invalid';
	constructor(readonly key: string) {
		super(`The value "${key}" stored on this device cannot be read`);
	}
}

const declared = new Map<string, StoredValue<unknown>>();

/** Every value declared so far, for the start-up check. */
export function declaredValues(): StoredValue<unknown>[] {
	return [...declared.values()];
}

export function storedValue<T>(
	key: string,
	schema: z.ZodType<T>,
	options: {
		critical?: boolean;
		/**
		 * False for a large value whose readers already treat a bad copy as absent and rebuild
		 * it: parsing it at start-up would cost the first screen (decrypting and walking it)
		 * and protect nothing.
		 */
		checkedAtStart?: boolean;
	} = {}
): StoredValue<T> {
	const value: StoredValue<T> = {
		key,
		schema,
		critical: options.critical ?? false,
		checkedAtStart: options.checkedAtStart ?? true,
		async get() {
			return value.fromRow(await database().meta.get(key));
		},
		fromRow(row) {
			if (row === undefined) return undefined;
			const parsed = schema.safeParse(row.value);
			if (parsed.success) return parsed.data;
			if (options.critical) throw new StoredValueError(key);
			return undefined;
		},
		toRow(v) {
			return { key, value: schema.parse(v) };
		},
		async set(v) {
			await database().meta.put(value.toRow(v));
		},
		async remove() {
			await database().meta.delete(key);
		}
	};
	if (declared.has(key)) throw new Error(`stored value "${key}" is declared twice`);
	declared.set(key, value as StoredValue<unknown>);
	return value;
}

type Values<V extends readonly StoredValue<unknown>[]> = {
	-readonly [K in keyof V]: V[K] extends StoredValue<infer T> ? T | undefined : never;
};

/** Several values in one read: one request, their rows decrypted side by side. */
export async function getValues<const V extends readonly StoredValue<unknown>[]>(
	values: V
): Promise<Values<V>> {
	const rows = await database().meta.bulkGet(values.map((v) => v.key));
	return values.map((v, i) => v.fromRow(rows[i])) as Values<V>;
}
