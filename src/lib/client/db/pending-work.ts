/**
 * Counts unsent work (outbox entries and drafts) without Dexie: a new service worker asks
 * this before it installs, and opening the database through the new build's Dexie schema
 * would upgrade it under the old page that is still running.
 */
export function countPendingWork(name = 'fieldcheck'): Promise<number> {
	return new Promise((resolve, reject) => {
		// No version: opens whatever version exists, never upgrades.
		const open = indexedDB.open(name);
		let absent = false;
		open.onerror = (e) => {
			if (!absent) return reject(open.error);
			e.preventDefault();
			resolve(0);
		};
		open.onupgradeneeded = () => {
			// The database did not exist: nothing is waiting. Abort so none is created.
			absent = true;
			open.transaction?.abort();
		};
		open.onsuccess = () => {
			const db = open.result;
			const stores = ['outbox', 'drafts'].filter((s) => db.objectStoreNames.contains(s));
			if (stores.length === 0) {
				db.close();
				return resolve(0);
			}
			const tx = db.transaction(stores, 'readonly');
			const counts = stores.map((s) => tx.objectStore(s).count());
			tx.oncomplete = () => {
				db.close();
				resolve(counts.reduce((n, r) => n + (r.result as number), 0));
			};
			tx.onerror = () => {
				db.close();
				reject(tx.error);
			};
		};
	});
}
