/**
 * WebCrypto is asynchronous and not an IndexedDB request, so awaiting it inside a transaction
 * lets IndexedDB auto-commit the transaction under us. This keeps it alive the way Dexie.waitFor
 * does (https://dexie.org/docs/Dexie/Dexie.waitFor()): cheap reads are chained until the work
 * settles, and the result is delivered inside a request callback, where the transaction is
 * active again and the caller can go on using it.
 * Must be called synchronously from a moment the transaction is active (a DBCore call is).
 */
export function waitInTransaction<T>(
	trans: IDBTransaction,
	storeName: string,
	work: Promise<T>
): Promise<T> {
	return new Promise<T>((resolve, reject) => {
		let outcome: { ok: true; value: T } | { ok: false; error: unknown } | null = null;
		work.then(
			(value) => (outcome = { ok: true, value }),
			(error: unknown) => (outcome = { ok: false, error })
		);
		let store: IDBObjectStore;
		try {
			store = trans.objectStore(storeName);
		} catch (e) {
			reject(e);
			return;
		}
		const spin = () => {
			if (outcome) {
				if (outcome.ok) resolve(outcome.value);
				else reject(outcome.error);
				return;
			}
			const req = store.count(keepAliveRange());
			req.onsuccess = spin;
			req.onerror = () => reject(req.error);
		};
		spin();
	});
}

/** An empty key range: counting it touches no rows. */
let range: IDBKeyRange | undefined;
function keepAliveRange(): IDBKeyRange {
	range ??= IDBKeyRange.only(-Infinity);
	return range;
}
