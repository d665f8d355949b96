import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { CaseloadPage, SubjectBundle } from '$lib/domain/caseload';
import { PROTOCOL_VERSION } from '$lib/domain/protocol';
import { makeVisit } from '$lib/domain/testing';
import { newDraft } from '$lib/domain/visit-draft';
import type { Visit } from '$lib/domain/visit';
// Test fixtures come from the real synthetic-data generator; no server code runs in the client.
// eslint-disable-next-line no-restricted-imports
import { generatedBundles } from '$lib/server/seed/bundles';
import { applyCaseloadPage, getSubject, purgeLeavingSubjects } from './caseload-store';
import { database, FieldcheckDatabase, useDatabase } from './database';
import { discardDraft, saveDraft } from './drafts-store';
import {
	applyPushResults,
	applyReceipts,
	finaliseVisit,
	notePhotoProgress,
	outboxBatch,
	outboxCounts,
	photosToUpload
} from './visits-store';
import { unlockForTests } from './crypto/testing';

const bundles = generatedBundles({ seed: 7, subjects: 6 });

function page(over: Partial<CaseloadPage> = {}): CaseloadPage {
	return {
		protocolVersion: PROTOCOL_VERSION,
		cursor: 'c1.1',
		serverTime: '2026-11-27T18:00:00.000Z',
		bundles: [],
		removed: { subjectIds: [], orderIds: [] },
		receipts: [],
		remaining: 0,
		hasMore: false,
		...over
	};
}

function visitFor(b: SubjectBundle, photos: Visit['photos'] = []): Visit {
	return makeVisit({
		id: crypto.randomUUID(),
		subjectId: b.subject.id,
		addressId: b.addresses[0]!.id,
		officerId: b.assignment.officerId,
		startedAt: '2026-11-27T19:00:00.000Z',
		finishedAt: '2026-11-27T19:10:00.000Z',
		position: null,
		positionState: 'denied',
		actions: {
			arrest: null,
			wordsOfAdvice: true,
			safeguardingReferral: null,
			intelligenceSubmitted: false,
			bodyWornVideoRef: null
		},
		notes: '',
		photos
	});
}

/** The draft a visit was finalised from. */
function draftOf(v: Visit) {
	return newDraft({
		id: v.id,
		subjectId: v.subjectId,
		addressId: v.addressId,
		officerId: v.officerId,
		startedAt: new Date(),
		conditions: []
	});
}

/** A photo ref whose bytes are `content`, and a way to store it against a visit. */
function photoOf(content: string) {
	const ref = {
		id: crypto.randomUUID(),
		sha256: 'a'.repeat(64),
		bytes: content.length,
		mimeType: 'image/jpeg' as const,
		width: 4,
		height: 3
	};
	const store = (visitId: string) =>
		database().photos.put({
			...ref,
			visitId,
			blob: new Blob([content]),
			takenAt: '',
			uploaded: 0,
			complete: 0
		});
	return { ref, store };
}

beforeEach(async () => {
	await unlockForTests();
	useDatabase(new FieldcheckDatabase(`test-${crypto.randomUUID()}`));
	await applyCaseloadPage(page({ bundles }));
});

describe('finalising a visit', () => {
	it('writes the visit and its outbox entry together, numbering mutations 1, 2, 3', async () => {
		const b = bundles[0]!;
		const v1 = visitFor(b);
		await saveDraft(draftOf(v1));
		expect(await finaliseVisit(v1, 'SMITH, Jo')).toBe(1);
		expect(await finaliseVisit(visitFor(b), 'SMITH, Jo')).toBe(2);
		const batch = await outboxBatch(10);
		expect(batch.map((e) => e.seq)).toEqual([1, 2]);
		expect(batch[0]!.mutation).toMatchObject({
			type: 'record-visit',
			seq: 1,
			visit: { id: v1.id }
		});
		expect(await database().drafts.count()).toBe(0);
		expect(await outboxCounts()).toMatchObject({ waiting: 2, rejected: 0, total: 2, drafts: 0 });
	});

	it('writes nothing when the transaction fails part-way', async () => {
		const b = bundles[0]!;
		const v = visitFor(b);
		await saveDraft(draftOf(v));
		// Something already holds sequence 1, so adding the outbox entry fails after the visit.
		await database().outbox.add({
			seq: 1,
			visitId: 'x',
			mutation: { type: 'record-visit', seq: 1, id: crypto.randomUUID(), visit: visitFor(b) },
			queuedAt: '',
			attempts: 0,
			lastError: null
		});
		await expect(finaliseVisit(v, 'SMITH, Jo')).rejects.toThrow();
		expect(await database().visits.get(v.id)).toBeUndefined();
		expect(await database().drafts.get(v.id)).toBeDefined();
	});
});

describe('push results', () => {
	it('applied: leaves the outbox and shows as sent with the receipt time', async () => {
		const v = visitFor(bundles[0]!);
		await finaliseVisit(v, 'A');
		await applyPushResults([{ seq: 1, status: 'applied', receivedAt: '2026-11-27T20:00:00.000Z' }]);
		expect(await outboxBatch(10)).toEqual([]);
		expect(await database().visits.get(v.id)).toMatchObject({
			state: 'sent',
			receivedAt: '2026-11-27T20:00:00.000Z'
		});
	});

	it('rejected: leaves the outbox but the visit stays, with the reason', async () => {
		const v = visitFor(bundles[0]!);
		await finaliseVisit(v, 'A');
		await applyPushResults([
			{ seq: 1, status: 'rejected', code: 'not-assigned', message: 'Not assigned' }
		]);
		expect(await outboxBatch(10)).toEqual([]);
		expect(await database().visits.get(v.id)).toMatchObject({
			state: 'rejected',
			rejection: { code: 'not-assigned' }
		});
		expect(await outboxCounts()).toMatchObject({ waiting: 0, rejected: 1 });
	});

	it('deferred: stays queued to be sent again', async () => {
		await finaliseVisit(visitFor(bundles[0]!), 'A');
		await applyPushResults([{ seq: 1, status: 'deferred', code: 'sequence-gap', message: 'gap' }]);
		expect((await outboxBatch(10)).map((e) => e.seq)).toEqual([1]);
	});

	it('a visit with photos is only sent once every photo is in', async () => {
		const { ref: photo, store } = photoOf('0123456789');
		const v = visitFor(bundles[0]!, [photo]);
		await store(v.id);
		await finaliseVisit(v, 'A');
		expect(await photosToUpload()).toEqual([]);
		await applyPushResults([{ seq: 1, status: 'applied', receivedAt: '2026-11-27T20:00:00.000Z' }]);
		expect((await database().visits.get(v.id))!.state).toBe('sending');
		expect((await photosToUpload()).map((p) => p.id)).toEqual([photo.id]);
		await notePhotoProgress(photo.id, 10, true);
		expect((await database().visits.get(v.id))!.state).toBe('sent');
	});

	it('receipts from the caseload feed settle a push whose answer was lost', async () => {
		const v = visitFor(bundles[0]!);
		await finaliseVisit(v, 'A');
		await applyReceipts([
			{ visitId: v.id, receivedAt: '2026-11-27T20:01:00.000Z', photosComplete: true }
		]);
		expect(await outboxBatch(10)).toEqual([]);
		expect((await database().visits.get(v.id))!.state).toBe('sent');
	});
});

describe('unassigned subjects', () => {
	it('stay on the device until their visits are acknowledged, then go', async () => {
		const kept = bundles[0]!;
		const dropped = bundles[1]!;
		await finaliseVisit(visitFor(kept), 'A');
		await applyCaseloadPage(
			page({ removed: { subjectIds: [kept.subject.id, dropped.subject.id], orderIds: [] } })
		);
		expect(await getSubject(dropped.subject.id)).toBeUndefined();
		expect(await database().subjects.get(kept.subject.id)).toMatchObject({ leaving: 1 });
		expect(await purgeLeavingSubjects()).toBe(0);
		await applyPushResults([{ seq: 1, status: 'applied', receivedAt: '2026-11-27T20:00:00.000Z' }]);
		expect(await purgeLeavingSubjects()).toBe(1);
		expect(await getSubject(kept.subject.id)).toBeUndefined();
	});
});

describe('a finalised visit never comes back as a draft', () => {
	it('ignores a late draft save and keeps its photos when a stale draft is discarded', async () => {
		const b = bundles[0]!;
		const { ref: photo, store } = photoOf('abcd');
		const v = visitFor(b, [photo]);
		const draft = draftOf(v);
		await saveDraft(draft);
		await store(v.id);
		await finaliseVisit(v, 'A');
		// A GPS fix that lands after "Finalise" tries to save the draft again.
		expect(await saveDraft({ ...draft, notes: 'late' })).toBe(false);
		expect(await database().drafts.count()).toBe(0);
		await discardDraft(v.id);
		expect(await database().photos.get(photo.id)).toBeDefined();
	});
});
