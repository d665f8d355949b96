import { describe, expect, it } from 'vitest';
import { csvCell, exportQuerySchema, resultsCsvColumns, resultsCsvRow, toCsv } from './results-csv';

describe('results CSV', () => {
	it('quotes commas, quotes and line breaks, and defuses formulas', () => {
		expect(csvCell('plain')).toBe('plain');
		expect(csvCell('a,b')).toBe('"a,b"');
		expect(csvCell('say "hi"')).toBe('"say ""hi"""');
		expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
		expect(csvCell('-1.5')).toBe('-1.5');
		expect(csvCell('-cmd')).toBe("'-cmd");
	});

	it('writes the documented columns in order', () => {
		const row = resultsCsvRow({
			visitId: 'v1',
			opDate: '2026-12-01',
			startedAt: '2026-12-02T01:10:00Z',
			receivedAt: '2026-12-02T01:20:00Z',
			officer: 'PC Test',
			secondOfficer: null,
			subjectId: 's1',
			subjectName: 'EXAMPLE, Alex',
			result: 'seen',
			breachTypes: ['curfew'],
			arrestRef: 'CU/123',
			safeguarding: true,
			lat: 52.1,
			lon: -0.4,
			accuracyM: 12,
			amends: null,
			reviewComment: null,
			reviewed: false
		});
		const csv = toCsv([row]).split('\r\n');
		expect(csv[0]).toBe(resultsCsvColumns.join(','));
		expect(csv[1]).toBe(
			'v1,2026-12-01,"2 Dec 2026, 01:10",2026-12-02T01:20:00Z,PC Test,,s1,"EXAMPLE, Alex",Seen,yes,curfew,CU/123,yes,52.100000,-0.400000,12,,no,'
		);
	});

	it('refuses an inverted or over-long range', () => {
		expect(exportQuerySchema.safeParse({ from: '2026-12-02', to: '2026-12-01' }).success).toBe(
			false
		);
		expect(exportQuerySchema.safeParse({ from: '2026-01-01', to: '2026-12-01' }).success).toBe(
			false
		);
		expect(exportQuerySchema.safeParse({ from: '2026-11-01', to: '2026-12-01' }).success).toBe(
			true
		);
	});
});
