import { describe, expect, it } from 'vitest';
import type { Visit } from '$lib/domain/visit';
import type { AssignmentState } from '../db/references';
import { makeVisit, uuid } from '$lib/domain/testing';
import { checkVisit, photosConflict, wasAssigned, type ValidationContext } from './validate';

const officer = '00000000-0000-4000-8000-000000000003';
const subject = '00000000-0000-4000-8000-000000000001';
const address = '00000000-0000-4000-8000-000000000002';
const otherSubject = uuid(900);
const sha = (c: string) => c.repeat(64);
const photo = { id: uuid(50), sha256: sha('a'), bytes: 1000, mimeType: 'image/jpeg' as const };

function ctx(over: Partial<ValidationContext> = {}): ValidationContext {
	return {
		officerId: officer,
		subjects: new Set([subject, otherSubject]),
		addressSubject: new Map([
			[address, subject],
			[uuid(901), otherSubject]
		]),
		assignments: new Map<string, AssignmentState>([
			[subject, { active: true, updatedAt: '2026-11-26T08:00:00.000Z' }]
		]),
		visits: new Map(),
		photos: new Map(),
		receivedAt: '2026-11-27T12:00:00.000Z',
		users: new Set([officer, uuid(800)]),
		orderSubject: new Map([[uuid(700), subject]]),
		assignmentDate: new Map([[subject, '2026-11-27']]),
		...over
	};
}

const check = (v: Visit, c = ctx()) => checkVisit(v, JSON.stringify(v), c);
const codeOf = (v: Visit, c = ctx()) => {
	const verdict = check(v, c);
	return verdict.kind === 'reject' ? verdict.code : verdict.kind;
};

describe('checkVisit', () => {
	it('accepts a visit by the signed-in officer to an assigned subject at their address', () => {
		expect(check(makeVisit({ id: uuid(1) }))).toEqual({ kind: 'accept' });
	});

	it('rejects a visit recorded under another officer', () => {
		expect(codeOf(makeVisit({ id: uuid(1), officerId: uuid(77) }))).toBe('wrong-officer');
	});

	it('rejects an unknown subject and an address of someone else', () => {
		expect(codeOf(makeVisit({ id: uuid(1), subjectId: uuid(404) }))).toBe('unknown-subject');
		expect(codeOf(makeVisit({ id: uuid(1), addressId: uuid(901) }))).toBe('unknown-address');
		expect(codeOf(makeVisit({ id: uuid(1), addressId: uuid(902) }))).toBe('unknown-address');
	});

	it('requires an amended visit to exist, be about the same subject and be the officer’s own', () => {
		const original = {
			subjectId: subject,
			officerId: officer,
			data: '{}',
			receivedAt: '2026-11-27T11:00:00.000Z'
		};
		const amend = makeVisit({ id: uuid(2), amends: uuid(1) });
		expect(codeOf(amend)).toBe('unknown-amended-visit');
		expect(codeOf(amend, ctx({ visits: new Map([[uuid(1), original]]) }))).toBe('accept');
		const elsewhere = { ...original, subjectId: otherSubject };
		expect(codeOf(amend, ctx({ visits: new Map([[uuid(1), elsewhere]]) }))).toBe(
			'unknown-amended-visit'
		);
		const crewMates = { ...original, officerId: uuid(77) };
		expect(codeOf(amend, ctx({ visits: new Map([[uuid(1), crewMates]]) }))).toBe(
			'amends-another-officers-visit'
		);
	});

	it('tells a resend of the same visit from a different visit with the same id', () => {
		const v = makeVisit({ id: uuid(1) });
		const known = {
			subjectId: subject,
			officerId: officer,
			data: JSON.stringify(v),
			receivedAt: 'then'
		};
		const c = ctx({ visits: new Map([[v.id, known]]) });
		expect(check(v, c)).toEqual({ kind: 'duplicate', receivedAt: 'then' });
		expect(codeOf({ ...v, notes: 'Changed afterwards' }, c)).toBe('visit-id-conflict');
	});

	it('refuses a photo id that already names different content', () => {
		const v = makeVisit({ id: uuid(1), photos: [{ ...photo, width: 800, height: 600 }] });
		expect(codeOf(v, ctx({ photos: new Map([[photo.id, photo]]) }))).toBe('accept');
		const other = { ...photo, sha256: sha('b') };
		expect(codeOf(v, ctx({ photos: new Map([[photo.id, other]]) }))).toBe('photo-id-conflict');
	});

	it('answers not-assigned for another officer’s subject', () => {
		const v = makeVisit({ id: uuid(1), subjectId: otherSubject, addressId: uuid(901) });
		expect(codeOf(v)).toBe('not-assigned');
	});
});

describe('the assignment rule', () => {
	const startedAt = '2026-11-27T10:00:00.000Z';
	it('accepts while assigned', () => {
		expect(wasAssigned({ active: true, updatedAt: '2026-11-28T00:00:00Z' }, startedAt)).toBe(true);
	});
	it('accepts a visit that started before the subject was unassigned', () => {
		expect(wasAssigned({ active: false, updatedAt: '2026-11-27T10:30:00.000Z' }, startedAt)).toBe(
			true
		);
		// Offsets are compared as instants, not as strings.
		expect(
			wasAssigned({ active: false, updatedAt: '2026-11-27T10:30:00Z' }, '2026-11-27T11:00:00+01:00')
		).toBe(true);
	});
	it('refuses a visit that started after the unassignment, or with no assignment at all', () => {
		expect(wasAssigned({ active: false, updatedAt: '2026-11-27T09:59:59.000Z' }, startedAt)).toBe(
			false
		);
		expect(wasAssigned({ active: false, updatedAt: startedAt }, startedAt)).toBe(false);
		expect(wasAssigned(undefined, startedAt)).toBe(false);
	});
});

describe('photosConflict', () => {
	const ref = { ...photo, width: 10, height: 10 };
	it('allows the same ref twice but not one id for two contents within a visit', () => {
		expect(photosConflict([ref, ref], new Map())).toBe(false);
		expect(photosConflict([ref, { ...ref, bytes: 999 }], new Map())).toBe(true);
	});
});
