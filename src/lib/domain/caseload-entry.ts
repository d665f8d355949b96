import { z } from 'zod';
import type { SubjectBundle } from './caseload';
import { orderSchema } from './order';
import { addressLine, homeAddress, subjectSchema } from './subject';

/**
 * What a row of the caseload list draws, and nothing more. The list holds an entry per subject;
 * the first screen's stored copy (client/db) holds fifty, so that a cold start reads and
 * decrypts one small row. The subject page reads the whole bundle.
 */
export const caseloadEntrySchema = z.strictObject({
	subject: subjectSchema,
	/** The home address (else the first held) as one line, or null when none is held. */
	homeLine: z.string().max(1000).nullable(),
	/** Orders with a curfew, holding only their curfew conditions: "curfew in force now". */
	orders: z.array(orderSchema),
	priority: z.number().int().min(1).max(5)
});
export type CaseloadEntry = z.infer<typeof caseloadEntrySchema>;

export function caseloadEntry(bundle: SubjectBundle): CaseloadEntry {
	const home = homeAddress(bundle.addresses);
	const orders = bundle.orders.flatMap((order) => {
		const curfews = order.conditions.filter((c) => c.type === 'curfew');
		return curfews.length > 0 ? [{ ...order, conditions: curfews }] : [];
	});
	return {
		subject: bundle.subject,
		homeLine: home ? addressLine(home) : null,
		orders,
		priority: bundle.assignment.priority
	};
}
