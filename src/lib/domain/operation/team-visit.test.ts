import { describe, expect, it } from 'vitest';
import { teamVisitLabel } from './team-visit';

const visit = {
	subjectId: '00000000-0000-4000-8000-000000000001',
	at: '2026-12-01T21:10:00Z',
	officerName: 'PC Test Webb',
	result: 'seen' as const
};

describe('team visit label', () => {
	it('names who visited, and when, across midnight on a night shift', () => {
		expect(teamVisitLabel(visit, new Date('2026-12-01T23:00:00Z'))).toBe(
			'Visited 21:10 by PC Test Webb'
		);
		expect(teamVisitLabel(visit, new Date('2026-12-02T03:00:00Z'))).toBe(
			'Visited 21:10 by PC Test Webb'
		);
	});

	it('says nothing once the operational day is over', () => {
		expect(teamVisitLabel(visit, new Date('2026-12-02T07:30:00Z'))).toBeNull();
		expect(teamVisitLabel(undefined, new Date('2026-12-01T23:00:00Z'))).toBeNull();
	});
});
