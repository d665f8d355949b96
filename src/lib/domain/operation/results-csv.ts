import { z } from 'zod';
import { isoDateSchema } from '../common';
import { calendarDaysBetween, formatLondonDateTime } from '../london-time';
import { attemptResultLabels, type AttemptResult } from '../visit';

/**
 * The operation's results as CSV (GET /api/operation/export.csv?from=&to=), one row per visit.
 * The columns are a contract with whoever opens the file: documented in README, tested, and
 * only ever added to at the end.
 */
export const resultsCsvColumns = [
	'visit_id',
	'operational_date',
	'started_at_london',
	'received_at_utc',
	'officer',
	'second_officer',
	'subject_id',
	'subject_name',
	'result',
	'breach',
	'breach_condition_types',
	'arrest_custody_ref',
	'safeguarding_referral',
	'latitude',
	'longitude',
	'accuracy_m',
	'amends_visit_id',
	'reviewed',
	'review_comment'
] as const;
export type ResultsCsvRow = Record<(typeof resultsCsvColumns)[number], string>;

export const MAX_EXPORT_DAYS = 92;

export const exportQuerySchema = z
	.strictObject({ from: isoDateSchema, to: isoDateSchema })
	.refine((q) => q.from <= q.to, { message: 'from must not be after to', path: ['to'] })
	.refine((q) => calendarDaysBetween(q.from, q.to) < MAX_EXPORT_DAYS, {
		message: `At most ${MAX_EXPORT_DAYS} days at once`,
		path: ['to']
	});

export interface ResultInput {
	visitId: string;
	opDate: string;
	startedAt: string;
	receivedAt: string;
	officer: string;
	secondOfficer: string | null;
	subjectId: string;
	subjectName: string;
	result: AttemptResult;
	breachTypes: string[];
	arrestRef: string | null;
	safeguarding: boolean;
	lat: number | null;
	lon: number | null;
	accuracyM: number | null;
	amends: string | null;
	reviewComment: string | null;
	reviewed: boolean;
}

export function resultsCsvRow(r: ResultInput): ResultsCsvRow {
	const num = (n: number | null, digits: number) => (n === null ? '' : n.toFixed(digits));
	return {
		visit_id: r.visitId,
		operational_date: r.opDate,
		started_at_london: formatLondonDateTime(new Date(r.startedAt)),
		received_at_utc: r.receivedAt,
		officer: r.officer,
		second_officer: r.secondOfficer ?? '',
		subject_id: r.subjectId,
		subject_name: r.subjectName,
		result: attemptResultLabels[r.result],
		breach: r.breachTypes.length > 0 ? 'yes' : 'no',
		breach_condition_types: r.breachTypes.join('; '),
		arrest_custody_ref: r.arrestRef ?? '',
		safeguarding_referral: r.safeguarding ? 'yes' : 'no',
		latitude: num(r.lat, 6),
		longitude: num(r.lon, 6),
		accuracy_m: num(r.accuracyM, 0),
		amends_visit_id: r.amends ?? '',
		reviewed: r.reviewed ? 'yes' : 'no',
		review_comment: r.reviewComment ?? ''
	};
}

/**
 * RFC 4180 quoting, CRLF line ends, and a leading apostrophe on cells a spreadsheet would take
 * for a formula (CSV injection: free text typed by people reaches this file).
 */
export function csvCell(value: string): string {
	const formula = /^[=+\-@\t\r]/.test(value) && !/^[+-]?\d+(\.\d+)?$/.test(value);
	const safe = formula ? `'${value}` : value;
	return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function toCsv(rows: ResultsCsvRow[]): string {
	const lines = [resultsCsvColumns.join(',')];
	for (const r of rows) lines.push(resultsCsvColumns.map((c) => csvCell(r[c])).join(','));
	return lines.join('\r\n') + '\r\n';
}
