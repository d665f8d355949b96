import type { Table } from 'dexie';
import * as keyring from './keyring';
import { clearFieldsFor } from './policy';
import { encryptRow } from './row-codec';

/**
 * Rows encrypted before the transaction that writes them. Encryption inside a transaction has
 * to keep it alive with a chain of reads until WebCrypto answers (keep-alive.ts); for a page of
 * 2,000 subjects that chain was thousands of IndexedDB round trips on the main thread, more
 * work than the encryption itself. A writer that knows its rows ahead hands them here first;
 * the middleware then finds each ciphertext by the row's identity when the row is put.
 * Code above the middleware still puts, caches and observes the plain rows.
 */
interface Sealed {
	key: CryptoKey;
	table: string;
	row: Record<string, unknown>;
}

const ahead = new WeakMap<object, Sealed>();

/**
 * Encrypts `rows` for `table` now, with the current key. Each row is frozen: its ciphertext is
 * of the row as it is now, so changing it before it is put must fail loudly, not store stale
 * data. A row put after the key changed (locked, or wiped and set up again) is encrypted
 * again as it is put, or refused while locked.
 */
export async function encryptAhead<T extends object>(
	table: Table<T>,
	rows: readonly T[]
): Promise<void> {
	const keyPath = table.schema.primKey.keyPath;
	if (table.schema.primKey.auto || typeof keyPath !== 'string') {
		// IndexedDB assigns such keys at the put, and the ciphertext is bound to the key.
		throw new Error(`encryptAhead needs a table keyed by one field: ${table.name}`);
	}
	const key = keyring.require();
	await Promise.all(
		rows.map(async (value) => {
			const row = value as Record<string, unknown>;
			const clear = clearFieldsFor(table.name, row);
			if (!clear) return;
			Object.freeze(row);
			ahead.set(row, {
				key,
				table: table.name,
				row: await encryptRow(key, table.name, row[keyPath], row, clear)
			});
		})
	);
}

/** The row's ciphertext made ahead for this table and key, used once; else undefined. */
export function takeEncrypted(
	table: string,
	key: CryptoKey | null,
	row: unknown
): Record<string, unknown> | undefined {
	if (typeof row !== 'object' || row === null) return undefined;
	const sealed = ahead.get(row);
	if (!sealed) return undefined;
	ahead.delete(row);
	return sealed.key === key && sealed.table === table ? sealed.row : undefined;
}
