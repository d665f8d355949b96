import type { SubjectBundle } from '../../../src/lib/domain/caseload';
import type { Order } from '../../../src/lib/domain/order';
import type { Address, Subject } from '../../../src/lib/domain/subject';
import { serverDb } from '../helpers';

/** An officer's assigned subjects as the server holds them (orders and addresses included). */
export function serverCaseload(username: string): Omit<SubjectBundle, 'assignment'>[] {
	return serverDb((db) => {
		const subjects = db
			.prepare(
				`select s.id, s.data from subjects s
				 join assignments a on a.subject_id = s.id and a.active = 1
				 join users u on u.id = a.officer_id where u.username = ?`
			)
			.all(username) as { id: string; data: string }[];
		const rowsFor = (table: 'orders' | 'addresses', id: string) =>
			(
				db.prepare(`select data from ${table} where subject_id = ?`).all(id) as { data: string }[]
			).map((r) => JSON.parse(r.data) as unknown);
		return subjects.map((s) => ({
			subject: JSON.parse(s.data) as Subject,
			orders: rowsFor('orders', s.id) as Order[],
			addresses: rowsFor('addresses', s.id) as Address[]
		}));
	});
}
