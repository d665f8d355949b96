import { describe, expect, it } from 'vitest';
import { makeVisit, uuid } from '$lib/domain/testing';
import type { Visit } from '$lib/domain/visit';
import { implausibility, type PlausibilityContext } from './plausible';

const subject = '00000000-0000-4000-8000-000000000001';
const ctx: PlausibilityContext = {
	receivedAt: '2026-11-27T12:00:00.000Z',
	users: new Set([uuid(800)]),
	orderSubject: new Map([
		[uuid(700), subject],
		[uuid(701), uuid(900)]
	]),
	assignmentDate: new Map([[subject, '2026-11-27']])
};
const check = (over: Partial<Visit>) => implausibility(makeVisit({ id: uuid(1), ...over }), ctx);
const conditionCheck = (orderId: string) => ({
	orderId,
	orderVersion: 1,
	conditionId: uuid(702),
	outcome: 'compliant' as const,
	notes: ''
});

describe('implausible visits', () => {
	it('passes an ordinary visit', () => {
		expect(check({})).toBeNull();
		expect(check({ secondOfficerId: uuid(800), checks: [conditionCheck(uuid(700))] })).toBeNull();
	});

	it('refuses each implausibility with its code', () => {
		expect(check({ finishedAt: '2026-11-27T09:59:00.000Z' })).toBe('finished-before-started');
		expect(
			check({ startedAt: '2026-11-27T12:20:00.000Z', finishedAt: '2026-11-27T12:30:00.000Z' })
		).toBe('implausible-time');
		expect(check({ startedAt: '2026-10-01T10:00:00.000Z' })).toBe('implausible-time');
		expect(check({ position: null, positionState: 'recorded' })).toBe('position-missing');
		expect(check({ position: null, positionState: 'denied' })).toBeNull();
		expect(check({ secondOfficerId: uuid(801) })).toBe('unknown-second-officer');
		expect(check({ checks: [conditionCheck(uuid(701))] })).toBe('check-of-another-subjects-order');
		expect(check({ checks: [conditionCheck(uuid(799))] })).toBe('check-of-another-subjects-order');
		expect(
			check({ startedAt: '2026-11-26T23:30:00.000Z', finishedAt: '2026-11-26T23:40:00.000Z' })
		).toBe('before-assignment');
	});

	it('allows the documented clock skew into the future', () => {
		expect(
			check({ startedAt: '2026-11-27T12:05:00.000Z', finishedAt: '2026-11-27T12:14:00.000Z' })
		).toBeNull();
	});
});
