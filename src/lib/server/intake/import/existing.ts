import type { Order } from '$lib/domain/order';
import type { Address, Subject } from '$lib/domain/subject';
import type { Db } from '../../db/connection';
import { readSubjectDocuments } from '../../db/subject-documents';

export interface Bundle {
	subject: Subject;
	addresses: Address[];
	orders: Order[];
	teamId: string | null;
}

/** What the database holds for these subjects, in a few list queries. */
export async function existingBundles(db: Db, ids: string[]): Promise<Map<string, Bundle>> {
	const docs = await readSubjectDocuments(db, ids);
	return new Map(
		[...docs].map(([id, d]) => [
			id,
			{ subject: d.subject, addresses: d.addresses, orders: d.orders, teamId: d.teamId }
		])
	);
}
