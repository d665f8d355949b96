import type { SubjectBundle } from '$lib/domain/caseload';
import { generateCaseload, type CaseloadOptions } from './generate';

/**
 * A generated caseload grouped by subject, as the caseload feed sends it: test data for the
 * device's code, one officer, the day of action 27 November 2026 unless told otherwise.
 */
export function generatedBundles(
	opts: Pick<CaseloadOptions, 'seed' | 'subjects'> & Partial<CaseloadOptions>
): SubjectBundle[] {
	const c = generateCaseload({ officers: 1, today: '2026-11-27', ...opts });
	return c.subjects.map((subject) => ({
		subject,
		addresses: c.addresses.filter((a) => a.subjectId === subject.id),
		orders: c.orders.filter((o) => o.subjectId === subject.id),
		assignment: c.assignments.find((a) => a.subjectId === subject.id)!
	}));
}
