import { caseloadEntry, type CaseloadEntry } from '$lib/domain/caseload-entry';
import { database, type StoredSubject } from './database';
import * as keyring from './crypto/keyring';
import {
	caseloadHeadLength,
	caseloadOrder,
	caseloadOrderHead,
	caseloadScreen,
	caseloadScreenLength
} from './lock-values';
import { getValues } from './meta';

/**
 * The caseload's default order, kept as one encrypted list of [sortKey, id] because a sort key
 * holds a name and may not be an index. Unlocking reads this one row, then the first rows by id,
 * so the first screen needs a handful of decryptions, not 10,000.
 */
export type CaseloadOrder = [sortKey: string, id: string][];

/**
 * The list as this context last wrote or read it, under the random stamp written with it (in
 * the head row, `caseloadOrderHead`).
 * Decrypting and parsing a 10,000-entry list for every page of a download (and for every
 * re-run of the first-rows query after it) grew with the square of the caseload; the small
 * stamp row tells whether the held copy is still what is stored. Any other writer (another
 * tab, the service worker) writes a new stamp, so a stale copy is never used; a transaction
 * that aborts leaves the stored stamp as it was, which no longer matches the held one.
 */
let held: { stamp: string; order: CaseloadOrder } | null = null;
/** The first screen's entries as this context last wrote them, held the same way. */
let heldScreen: { stamp: string; entries: CaseloadEntry[] } | null = null;
// Names are personal: nothing decrypted outlives the key.
keyring.onChange((unlocked) => {
	if (unlocked) return;
	held = null;
	heldScreen = null;
});

async function readOrder(stamp?: string): Promise<CaseloadOrder | undefined> {
	if (stamp !== undefined && held?.stamp === stamp) return held.order;
	const order = await caseloadOrder.get();
	// Read in two steps, the pair may straddle a write: a stamp is never written twice, so a
	// mismatched pair is simply never matched again.
	if (order && stamp !== undefined) held = { stamp, order };
	return order;
}

const bySortKey = (a: CaseloadOrder[number], b: CaseloadOrder[number]) =>
	a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;

/** Two lists each in order, as one list in order: O(n), where re-sorting it all was O(n log n). */
function merge(a: CaseloadOrder, b: CaseloadOrder): CaseloadOrder {
	const out: CaseloadOrder = [];
	let i = 0;
	let j = 0;
	for (let x = a[0], y = b[0]; x && y; x = a[i], y = b[j]) {
		if (bySortKey(x, y) <= 0) {
			out.push(x);
			i++;
		} else {
			out.push(y);
			j++;
		}
	}
	return out.concat(a.slice(i), b.slice(j));
}

/**
 * The stored order, or, when it is missing or unreadable, one rebuilt from the rows (the caller's
 * transaction covers `subjects`): building on an empty list instead would drop every subject not
 * in the current page from the first screen.
 */
async function currentOrder(stamp: string | undefined): Promise<CaseloadOrder> {
	const order = await readOrder(stamp);
	if (order) return order;
	const rows = await database().subjects.toArray();
	return rows.map((s): CaseloadOrder[number] => [s.sortKey, s.id]).sort(bySortKey);
}

/** Must run inside the caller's transaction over `meta` and `subjects` so the order commits with the rows. */
export async function updateCaseloadOrder(
	put: readonly Pick<StoredSubject, 'id' | 'sortKey' | 'bundle'>[],
	removed: readonly string[]
): Promise<void> {
	if (put.length === 0 && removed.length === 0) return;
	const previous = (await caseloadOrderHead.get())?.stamp;
	const replaced = new Set([...removed, ...put.map((s) => s.id)]);
	const kept = (await currentOrder(previous)).filter(([, id]) => !replaced.has(id));
	const added: CaseloadOrder = put.map((s) => [s.sortKey, s.id]);
	const order = merge(kept, added.sort(bySortKey));
	const stamp = crypto.randomUUID();
	await caseloadOrder.set(order);
	const first = order.slice(0, caseloadHeadLength).map(([, id]) => id);
	await caseloadOrderHead.set({ stamp, first });
	held = { stamp, order };
	await updateScreen(stamp, previous, first.slice(0, caseloadScreenLength), put);
}

/** The first screen's entries written under `stamp`, if that is the copy stored (or held). */
async function screenUnder(stamp: string | undefined): Promise<CaseloadEntry[]> {
	if (stamp === undefined) return [];
	if (heldScreen?.stamp === stamp) return heldScreen.entries;
	const screen = await caseloadScreen.get();
	return screen?.stamp === stamp ? screen.entries : [];
}

/**
 * Writes the first screen's entries beside the new head. They come from this write, then from
 * the copy beside the previous head, and only the rest (a removal moved them up, or there was
 * no copy) from the rows themselves: so a download decrypts no rows for it, page after page.
 */
async function updateScreen(
	stamp: string,
	previous: string | undefined,
	ids: readonly string[],
	put: readonly Pick<StoredSubject, 'id' | 'bundle'>[]
): Promise<void> {
	const wanted = new Set(ids);
	const known = new Map<string, CaseloadEntry>();
	for (const s of put) if (wanted.has(s.id)) known.set(s.id, caseloadEntry(s.bundle));
	for (const e of await screenUnder(previous)) {
		if (!known.has(e.subject.id)) known.set(e.subject.id, e);
	}
	const missing = ids.filter((id) => !known.has(id));
	if (missing.length > 0) {
		for (const row of await database().subjects.bulkGet(missing)) {
			if (row) known.set(row.id, caseloadEntry(row.bundle));
		}
	}
	const entries = ids.flatMap((id) => known.get(id) ?? []);
	await caseloadScreen.set({ stamp, entries });
	heldScreen = { stamp, entries };
}

/**
 * The first `limit` entries from the copy beside the head, or null when it cannot serve them:
 * too many asked for, or the copy is not the head's (another context wrote the order since).
 */
export async function firstScreen(limit: number): Promise<CaseloadEntry[] | null> {
	if (limit > caseloadScreenLength) return null;
	// Both in one request: one round trip, the two rows decrypted side by side.
	const [head, screen] = await getValues([caseloadOrderHead, caseloadScreen]);
	if (!head || screen?.stamp !== head.stamp) return null;
	const want = Math.min(limit, head.first.length);
	const entries = screen.entries.slice(0, want);
	const matches =
		entries.length === want && entries.every((e, i) => e.subject.id === head.first[i]);
	return matches ? entries : null;
}

/** The first `limit` ids in the default order, or null when no usable order is stored. */
export async function firstIds(limit: number): Promise<string[] | null> {
	const head = await caseloadOrderHead.get();
	// The head serves the first screen when it holds enough ids, or the whole (short) list.
	if (head && (limit <= head.first.length || head.first.length < caseloadHeadLength)) {
		return head.first.slice(0, limit);
	}
	const order = await readOrder(head?.stamp);
	return order ? order.slice(0, limit).map(([, id]) => id) : null;
}
