import type { StoredSubject } from './database';
import { caseloadOrder } from './lock-values';

/**
 * The caseload's default order, kept as one encrypted list of [sortKey, id] because a sort key
 * holds a name and may not be an index. Unlocking reads this one row, then the first rows by id,
 * so the first screen needs a handful of decryptions, not 10,000.
 */
export type CaseloadOrder = [sortKey: string, id: string][];

/** Must run inside the caller's transaction over `meta` so the order commits with the rows. */
export async function updateCaseloadOrder(
	put: readonly Pick<StoredSubject, 'id' | 'sortKey'>[],
	removed: readonly string[]
): Promise<void> {
	if (put.length === 0 && removed.length === 0) return;
	const byId = new Map((await caseloadOrder.get())?.map(([k, id]) => [id, k]) ?? []);
	for (const id of removed) byId.delete(id);
	for (const s of put) byId.set(s.id, s.sortKey);
	const order: CaseloadOrder = [...byId].map(([id, k]) => [k, id]);
	order.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
	await caseloadOrder.set(order);
}

export async function firstIds(limit: number): Promise<string[] | null> {
	const order = await caseloadOrder.get();
	return order ? order.slice(0, limit).map(([, id]) => id) : null;
}
