import type {
	DBCore,
	DBCoreCursor,
	DBCoreMutateRequest,
	DBCoreTable,
	DBCoreTransaction,
	Middleware
} from 'dexie';
import { takeEncrypted } from './encrypt-ahead';
import { waitInTransaction } from './keep-alive';
import * as keyring from './keyring';
import { clearFields, clearFieldsFor } from './policy';
import { decryptRow, encryptRow, isEncrypted } from './row-codec';

/**
 * Encryption at rest as a Dexie DBCore middleware, placed below every other middleware so that
 * all code above it — stores, live queries, Dexie's own hooks and caches — sees plain rows and
 * IndexedDB sees only ciphertext. See ./policy.ts for what stays readable.
 */
export const encryptionMiddleware: Middleware<DBCore> = {
	stack: 'dbcore',
	name: 'fieldcheck-encryption',
	// Lower levels sit closer to IndexedDB; Dexie's own middlewares use -1..2.
	level: -100,
	create: (down) => ({
		...down,
		table: (name) => (clearFields[name] ? encryptedTable(down.table(name)) : down.table(name))
	})
};

function idb(trans: DBCoreTransaction): IDBTransaction {
	// Dexie's IndexedDB core hands the native transaction down as its DBCoreTransaction.
	return trans as unknown as IDBTransaction;
}

function encryptedTable(table: DBCoreTable): DBCoreTable {
	const name = table.name;
	// An auto-incremented key does not exist yet when the row is encrypted: such rows are
	// bound to their table only.
	const auto = table.schema.primaryKey.autoIncrement === true;
	const primaryKeyOf = (row: unknown) => (auto ? null : table.schema.primaryKey.extractKey?.(row));

	async function decryptAll(rows: unknown[], keys?: unknown[]): Promise<unknown[]> {
		if (!rows.some(isEncrypted)) return rows;
		const key = keyring.require();
		return Promise.all(
			rows.map((row, i) =>
				isEncrypted(row)
					? decryptRow(key, name, auto ? null : (keys?.[i] ?? primaryKeyOf(row)), row)
					: row
			)
		);
	}

	function decryptInTrans(trans: DBCoreTransaction, rows: unknown[], keys?: unknown[]) {
		if (!rows.some(isEncrypted)) return Promise.resolve(rows);
		return waitInTransaction(idb(trans), name, decryptAll(rows, keys));
	}

	async function encryptAll(values: readonly unknown[]): Promise<unknown[]> {
		const needsKey = values.some((v) => clearFieldsFor(name, v));
		const key = needsKey ? keyring.require() : null;
		return Promise.all(
			values.map((v) => {
				const clear = clearFieldsFor(name, v);
				if (!clear || !key) return v;
				const row = v as Record<string, unknown>;
				return encryptRow(key, name, primaryKeyOf(row), row, clear);
			})
		);
	}

	return {
		...table,
		mutate(req: DBCoreMutateRequest) {
			if (req.type !== 'add' && req.type !== 'put') return table.mutate(req);
			// Rows encrypted before the transaction (encrypt-ahead.ts) need no wait inside it.
			const key = keyring.current();
			const ready = req.values.map((v) => takeEncrypted(name, key, v));
			if (ready.every((r, i) => r !== undefined || !clearFieldsFor(name, req.values[i]))) {
				return table.mutate({ ...req, values: req.values.map((v, i) => ready[i] ?? v) });
			}
			const rest = req.values.filter((_, i) => ready[i] === undefined);
			return waitInTransaction(idb(req.trans), name, encryptAll(rest)).then((done) => {
				let next = 0;
				const values = req.values.map((_, i) => ready[i] ?? done[next++]);
				return table.mutate({ ...req, values });
			});
		},
		get(req) {
			return table
				.get(req)
				.then((row) =>
					row === undefined ? row : decryptInTrans(req.trans, [row], [req.key]).then(([r]) => r)
				);
		},
		getMany(req) {
			return table.getMany(req).then((rows) => decryptInTrans(req.trans, rows, req.keys));
		},
		query(req) {
			return table
				.query(req)
				.then((res) =>
					req.values
						? decryptInTrans(req.trans, res.result).then((result) => ({ ...res, result }))
						: res
				);
		},
		openCursor(req) {
			return table
				.openCursor(req)
				.then((cursor) => (cursor && req.values ? decryptingCursor(cursor) : cursor));
		}
	};

	/**
	 * Dexie reads `cursor.value` synchronously in its callback, so each row is decrypted first,
	 * and the callback runs once that is done, inside a request callback (see keep-alive.ts).
	 * A plain object, not a prototype trick: IDBCursor's getters refuse any other `this`.
	 */
	async function decryptingCursor(cursor: DBCoreCursor): Promise<DBCoreCursor> {
		const decrypt = () =>
			decryptInTrans(cursor.trans, [cursor.value], [auto ? null : cursor.primaryKey]).then(
				([v]) => v
			);
		let value: unknown = await decrypt();
		const wrapped: DBCoreCursor = {
			get trans() {
				return cursor.trans;
			},
			get key() {
				return cursor.key;
			},
			get primaryKey() {
				return cursor.primaryKey;
			},
			get value() {
				return value;
			},
			get done() {
				return cursor.done;
			},
			continue: (key?: unknown) => cursor.continue(key),
			continuePrimaryKey: (key: unknown, primaryKey: unknown) =>
				cursor.continuePrimaryKey(key, primaryKey),
			advance: (count: number) => cursor.advance(count),
			stop: (v?: unknown) => cursor.stop(v),
			fail: (e: Error) => cursor.fail(e),
			next() {
				let gotOne = 1;
				return wrapped
					.start(() => (gotOne-- ? wrapped.continue() : wrapped.stop()))
					.then(() => wrapped);
			},
			start: (onNext: () => void) =>
				cursor.start(() => {
					decrypt().then(
						(plain) => {
							value = plain;
							try {
								onNext();
							} catch (e) {
								cursor.fail(e as Error);
							}
						},
						(e: Error) => cursor.fail(e)
					);
				})
		};
		return wrapped;
	}
}
