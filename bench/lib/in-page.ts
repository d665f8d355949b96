/**
 * Functions Playwright runs inside the page. Each must be self-contained: Playwright sends its
 * source text, so nothing from the surrounding module exists there.
 */

/**
 * tsx compiles with esbuild's keepNames, which wraps inner functions in a `__name` helper that
 * the page lacks (https://github.com/privatenumber/tsx/issues/113). Install as an init script.
 */
export const NAME_SHIM = 'globalThis.__name = (fn) => fn;';

/** Milliseconds between the first `from` mark and the first `to` mark after it. */
export function markSpan({ from, to }: { from: string; to: string }): {
	fromMs: number;
	toMs: number;
	spanMs: number;
} {
	const start = performance.getEntriesByName(from, 'mark')[0];
	if (!start) throw new Error(`no performance mark ${from}`);
	const end = performance.getEntriesByName(to, 'mark').find((m) => m.startTime >= start.startTime);
	if (!end) throw new Error(`no performance mark ${to} after ${from}`);
	return { fromMs: start.startTime, toMs: end.startTime, spanMs: end.startTime - start.startTime };
}

export interface RawBaseline {
	subjects: number;
	fetchMs: number;
	writeMs: number;
	totalMs: number;
}

/**
 * The floor for download-and-store: the same feed pages fetched from the same endpoint, and the
 * same bundles written unencrypted with bare IndexedDB in one readwrite transaction, into a
 * database of its own with the app's indexes. The app also derives sort keys and search
 * tokens and encrypts every row (issue 8): that is the overhead this baseline shows.
 */
export async function rawBaseline({
	rawDb,
	pageSize
}: {
	rawDb: string;
	pageSize: number;
}): Promise<RawBaseline> {
	const request = <T>(req: IDBRequest<T>) =>
		new Promise<T>((done, fail) => {
			req.onsuccess = () => done(req.result);
			req.onerror = () => fail(req.error);
		});
	const open = (name: string, upgrade?: (db: IDBDatabase) => void) => {
		const req = indexedDB.open(name, upgrade ? 1 : undefined);
		if (upgrade) req.onupgradeneeded = () => upgrade(req.result);
		return request(req);
	};

	await request(indexedDB.deleteDatabase(rawDb));
	const db = await open(rawDb, (d) => {
		const subjects = d.createObjectStore('subjects', { keyPath: 'id' });
		subjects.createIndex('leaving', 'leaving');
		d.createObjectStore('meta', { keyPath: 'key' });
	});

	type Bundle = { subject: { id: string } };
	type Page = { cursor: string; serverTime: string; bundles: Bundle[]; hasMore: boolean };
	const started = performance.now();
	const bundles: Bundle[] = [];
	let last: Page | undefined;
	do {
		const query = new URLSearchParams({ limit: String(pageSize) });
		if (last) query.set('cursor', last.cursor);
		const res = await fetch(`/api/caseload?${query}`, { credentials: 'same-origin' });
		if (!res.ok) throw new Error(`GET /api/caseload answered ${res.status}`);
		last = (await res.json()) as Page;
		bundles.push(...last.bundles);
	} while (last.hasMore);
	const fetched = performance.now();

	const tx = db.transaction(['subjects', 'meta'], 'readwrite');
	const committed = new Promise<void>((done, fail) => {
		tx.oncomplete = () => done();
		tx.onerror = () => fail(tx.error);
		tx.onabort = () => fail(tx.error ?? new Error('aborted'));
	});
	const store = tx.objectStore('subjects');
	for (const bundle of bundles) store.put({ id: bundle.subject.id, bundle, leaving: 0 });
	tx.objectStore('meta').put({ key: 'cursor', value: last.cursor });
	tx.objectStore('meta').put({ key: 'lastSyncedAt', value: last.serverTime });
	await committed;
	const written = performance.now();

	db.close();
	await request(indexedDB.deleteDatabase(rawDb));
	return {
		subjects: bundles.length,
		fetchMs: fetched - started,
		writeMs: written - fetched,
		totalMs: written - started
	};
}

/** Floor for finalising: one Blob of `bytes` put with bare IndexedDB, strict durability. */
export async function rawBlobPut({ rawDb, bytes }: { rawDb: string; bytes: number }) {
	const open = indexedDB.open(rawDb, 1);
	open.onupgradeneeded = () => open.result.createObjectStore('photos');
	const db = await new Promise<IDBDatabase>((done, fail) => {
		open.onsuccess = () => done(open.result);
		open.onerror = () => fail(open.error);
	});
	const blob = new Blob([crypto.getRandomValues(new Uint8Array(65536))]);
	const parts = Array.from({ length: Math.ceil(bytes / 65536) }, () => blob);
	const started = performance.now();
	const tx = db.transaction('photos', 'readwrite', { durability: 'strict' });
	tx.objectStore('photos').put(new Blob(parts), crypto.randomUUID());
	await new Promise<void>((done, fail) => {
		tx.oncomplete = () => done();
		tx.onerror = () => fail(tx.error);
	});
	db.close();
	return performance.now() - started;
}
