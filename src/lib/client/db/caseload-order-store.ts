import { database, type StoredSubject } from './database';
import * as keyring from './crypto/keyring';
import { caseloadHeadLength, caseloadOrder, caseloadOrderHead } from './lock-values';

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
// Names are personal: nothing decrypted outlives the key.
keyring.onChange((unlocked) => {
	if (!unlocked) held = null;
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
async function currentOrder(): Promise<CaseloadOrder> {
	const order = await readOrder((await caseloadOrderHead.get())?.stamp);
	if (order) return order;
	const rows = await database().subjects.toArray();
	return rows.map((s): CaseloadOrder[number] => [s.sortKey, s.id]).sort(bySortKey);
}

/** Must run inside the caller's transaction over `meta` and `subjects` so the order commits with the rows. */
export async function updateCaseloadOrder(
	put: readonly Pick<StoredSubject, 'id' | 'sortKey'>[],
	removed: readonly string[]
): Promise<void> {
	if (put.length === 0 && removed.length === 0) return;
	const replaced = new Set([...removed, ...put.map((s) => s.id)]);
	const kept = (await currentOrder()).filter(([, id]) => !replaced.has(id));
	const added: CaseloadOrder = put.map((s) => [s.sortKey, s.id]);
	const order = merge(kept, added.sort(bySortKey));
	const stamp = crypto.randomUUID();
	await caseloadOrder.set(order);
	const first = order.slice(0, caseloadHeadLength).map(([, id]) => id);
	await caseloadOrderHead.set({ stamp, first });
	held = { stamp, order };
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
