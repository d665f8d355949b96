// Must load before Dexie, which picks up the global indexedDB when it is first imported.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaseloadPage, SubjectBundle } from '$lib/domain/caseload';
import { caseloadEntry } from '$lib/domain/caseload-entry';
import { caseloadSortKey, matchesQuery, searchTokens } from '$lib/domain/caseload-order';
import { defaultOperationalDay } from '$lib/domain/operation/operational-day';
import { PROTOCOL_VERSION } from '$lib/domain/protocol';
// Test data only: the seed generator is pure and never reaches the browser bundle.
// eslint-disable-next-line no-restricted-imports
import { generatedBundles as generated } from '$lib/server/seed/bundles';
import * as store from './caseload-store';
import { FieldcheckDatabase, useDatabase } from './database';
import { unlockForTests } from './crypto/testing';
import { deviceOperationalDay } from './operation-values';
import * as lockValues from './lock-values';
import * as syncValues from './sync-values';

const SERVER_TIME = '2026-11-27T08:00:00.000Z';

/** The generator's caseload, grouped the way the pull endpoint sends it. */
const generatedBundles = (subjects: number) => generated({ seed: 20261127, subjects });

const bundles = generatedBundles(60);

function page(cursor: string, overrides: Partial<CaseloadPage> = {}): CaseloadPage {
	return {
		protocolVersion: PROTOCOL_VERSION,
		cursor,
		serverTime: SERVER_TIME,
		bundles: [],
		removed: { subjectIds: [], orderIds: [] },
		receipts: [],
		remaining: 0,
		hasMore: false,
		...overrides
	};
}

function withSubject(b: SubjectBundle, subject: Partial<SubjectBundle['subject']>): SubjectBundle {
	return { ...b, subject: { ...b.subject, ...subject } };
}

function withPriority(b: SubjectBundle, priority: number): SubjectBundle {
	return { ...b, assignment: { ...b.assignment, priority } };
}

let db: FieldcheckDatabase;
let n = 0;

beforeEach(async () => {
	await unlockForTests();
	db = new FieldcheckDatabase(`caseload-store-test-${++n}`);
	useDatabase(db);
});

afterEach(async () => {
	await db.delete();
});

describe('applyCaseloadPage', () => {
	it('stores each bundle with its sort key and search tokens, and the cursor', async () => {
		await store.applyCaseloadPage(page('c1', { bundles: bundles.slice(0, 10) }));

		expect(await store.countSubjects()).toBe(10);
		const b = bundles[3]!;
		const stored = await db.subjects.get(b.subject.id);
		expect(stored).toEqual({
			id: b.subject.id,
			bundle: b,
			sortKey: caseloadSortKey(b),
			tokens: searchTokens(b),
			leaving: 0
		});
		expect(await store.getSubject(b.subject.id)).toEqual(b);
		expect(await syncValues.cursor.get()).toBe('c1');
		expect(await syncValues.lastSyncedAt.get()).toBe(SERVER_TIME);
	});

	it('finds a subject by its tokens in memory, since no index holds a name', async () => {
		const b = withSubject(bundles[0]!, { familyName: 'Quennell', aliases: ['Ozzy Q'] });
		await store.applyCaseloadPage(page('c1', { bundles: [b, ...bundles.slice(1, 5)] }));

		const hits = (await store.allSubjects()).filter((s) => matchesQuery(s.tokens, 'ozz'));
		expect(hits.map((s) => s.id)).toEqual([b.subject.id]);
		expect(db.subjects.schema.indexes.map((i) => i.name)).toEqual(['leaving']);
	});

	it('removes the subjects the server no longer assigns, keeping the rest', async () => {
		await store.applyCaseloadPage(page('c1', { bundles: bundles.slice(0, 5) }));
		const gone = [bundles[1]!.subject.id, bundles[3]!.subject.id];
		await store.applyCaseloadPage(
			page('c2', { removed: { subjectIds: gone, orderIds: [] }, serverTime: SERVER_TIME })
		);

		expect(await store.countSubjects()).toBe(3);
		for (const id of gone) expect(await store.getSubject(id)).toBeUndefined();
		expect(await store.getSubject(bundles[0]!.subject.id)).toEqual(bundles[0]);
		expect(await syncValues.cursor.get()).toBe('c2');
	});

	it('ignores the removal of a subject the device never had', async () => {
		await store.applyCaseloadPage(page('c1', { bundles: bundles.slice(0, 2) }));
		await store.applyCaseloadPage(
			page('c2', { removed: { subjectIds: [crypto.randomUUID()], orderIds: [] } })
		);
		expect(await store.countSubjects()).toBe(2);
		expect(await syncValues.cursor.get()).toBe('c2');
	});

	it('replaces a whole bundle, so an order missing from the new one is dropped', async () => {
		const withTwo = bundles.find((b) => b.orders.length >= 2)!;
		const [kept, discharged] = withTwo.orders;
		await store.applyCaseloadPage(page('c1', { bundles: [withTwo] }));

		const replaced = { ...withTwo, orders: [kept!] };
		await store.applyCaseloadPage(
			page('c2', {
				bundles: [replaced],
				removed: { subjectIds: [], orderIds: [discharged!.id] },
				serverTime: '2026-11-27T09:00:00.000Z'
			})
		);

		const stored = await store.getSubject(withTwo.subject.id);
		expect(stored?.orders.map((o) => o.id)).toEqual([kept!.id]);
		expect(await syncValues.lastSyncedAt.get()).toBe('2026-11-27T09:00:00.000Z');
	});

	it('commits the bundles, removals and cursor together or not at all', async () => {
		await store.applyCaseloadPage(page('c1', { bundles: bundles.slice(0, 3) }));

		// A record without its primary key makes IndexedDB refuse the write mid-page.
		const broken = withSubject(bundles[5]!, { id: undefined as unknown as string });
		const failing = page('c2', {
			bundles: [bundles[4]!, broken],
			removed: { subjectIds: [bundles[0]!.subject.id], orderIds: [] },
			serverTime: '2026-11-27T09:00:00.000Z'
		});
		await expect(store.applyCaseloadPage(failing)).rejects.toThrow();

		expect(await store.getSubject(bundles[4]!.subject.id)).toBeUndefined();
		expect(await store.getSubject(bundles[0]!.subject.id)).toEqual(bundles[0]);
		expect(await syncValues.cursor.get()).toBe('c1');
		expect(await syncValues.lastSyncedAt.get()).toBe(SERVER_TIME);
	});
});

describe('firstEntries', () => {
	it('orders by priority, then wanted, then risk, then name', async () => {
		const wanted = { reason: 'Breach of DVPO — arrest on sight', reference: 'BD-26-000001' };
		const expected = [
			withPriority(withSubject(bundles[0]!, { wanted, risk: 'standard', familyName: 'Young' }), 1),
			withPriority(
				withSubject(bundles[1]!, { wanted: null, risk: 'high', familyName: 'Abbott' }),
				1
			),
			withPriority(withSubject(bundles[2]!, { wanted, risk: 'high', familyName: 'Zane' }), 2),
			withPriority(withSubject(bundles[3]!, { wanted, risk: 'medium', familyName: 'Adams' }), 2),
			withPriority(
				withSubject(bundles[4]!, { wanted: null, risk: 'high', familyName: 'Baker' }),
				2
			),
			withPriority(
				withSubject(bundles[5]!, { wanted: null, risk: 'high', familyName: 'Carter' }),
				2
			),
			withPriority(withSubject(bundles[6]!, { wanted: null, risk: 'high', familyName: 'Ames' }), 3)
		];
		const shuffled = [3, 6, 0, 5, 1, 4, 2].map((i) => expected[i]!);
		await store.applyCaseloadPage(page('c1', { bundles: shuffled }));

		const first = await store.firstEntries(50);
		expect(first.map((b) => b.subject.familyName)).toEqual(
			expected.map((b) => b.subject.familyName)
		);
	});

	it('returns only the first rows of a larger caseload, in the same order as the whole', async () => {
		await store.applyCaseloadPage(page('c1', { bundles }));

		const all = (await store.allSubjects()).map((s) => s.id);
		const first = await store.firstEntries(20);
		expect(first).toHaveLength(20);
		expect(first.map((b) => b.subject.id)).toEqual(all.slice(0, 20));
		const byId = new Map(bundles.map((b) => [b.subject.id, b]));
		const keys = bundles.map(caseloadSortKey).sort();
		expect(first.map((e) => caseloadSortKey(byId.get(e.subject.id)!))).toEqual(keys.slice(0, 20));
	});

	it('keeps the operational day the server sends, for "today" offline and after a restart', async () => {
		expect(await deviceOperationalDay()).toEqual(defaultOperationalDay);
		const config = { ...defaultOperationalDay, dayStart: '06:00' };
		await store.applyCaseloadPage(page('c1', { operationalDay: config }));
		expect(await deviceOperationalDay()).toEqual(config);
		// A page from a server that does not say leaves what the device holds.
		await store.applyCaseloadPage(page('c2'));
		expect(await deviceOperationalDay()).toEqual(config);
	});

	it('keeps the team’s last visit when the bundle is sent again, and never an older one', async () => {
		const b = bundles[0]!;
		const visit = {
			subjectId: b.subject.id,
			at: '2026-11-27T21:10:00Z',
			officerName: 'PC Test Webb',
			result: 'seen' as const
		};
		await store.applyCaseloadPage(page('c1', { bundles: [b], teamVisits: [visit] }));
		await store.applyCaseloadPage(
			page('c2', { bundles: [b], teamVisits: [{ ...visit, at: '2026-11-27T20:00:00Z' }] })
		);
		expect((await store.allSubjects())[0]!.teamVisit).toEqual(visit);
	});

	it('keeps a held team visit when its bundle comes again among new subjects', async () => {
		const [held, ...fresh] = bundles.slice(0, 4);
		const visit = {
			subjectId: held!.subject.id,
			at: '2026-11-27T21:10:00Z',
			officerName: 'PC Test Webb',
			result: 'seen' as const
		};
		await store.applyCaseloadPage(page('c1', { bundles: [held!], teamVisits: [visit] }));
		await store.applyCaseloadPage(page('c2', { bundles: [...fresh, held!] }));
		const rows = await store.allSubjects();
		expect(rows).toHaveLength(4);
		expect(rows.filter((r) => r.teamVisit).map((r) => r.teamVisit)).toEqual([visit]);
	});
});

describe('the caseload order, held between pages', () => {
	const firstIdsNow = async () => (await store.firstEntries(100)).map((b) => b.subject.id);
	const wholeIds = async () => (await store.allSubjects()).map((s) => s.id);

	it('stays the full sort of what is stored, page after page, with renames and removals', async () => {
		await store.applyCaseloadPage(page('c1', { bundles: bundles.slice(0, 25) }));
		await store.applyCaseloadPage(page('c2', { bundles: bundles.slice(25) }));
		// Sent again with new names, so their place changes; and two go.
		const renamed = bundles
			.slice(10, 20)
			.map((b, i) => withSubject(b, { familyName: `Zz${i}`, givenName: 'Moved' }));
		const removed = [bundles[30]!.subject.id, bundles[3]!.subject.id];
		await store.applyCaseloadPage(
			page('c3', { bundles: renamed, removed: { subjectIds: removed, orderIds: [] } })
		);

		const whole = await wholeIds();
		expect(whole).toHaveLength(58);
		expect(await firstIdsNow()).toEqual(whole);
	});

	it('is not changed by a page that fails after its order was worked out', async () => {
		await store.applyCaseloadPage(page('c1', { bundles: bundles.slice(0, 10) }));
		const before = await firstIdsNow();
		// Renamed so that their order would change; an invalid server time fails the page at its
		// very end, after the new order was worked out and written.
		const renamed = bundles
			.slice(0, 10)
			.map((b, i) => withSubject(b, { familyName: `Zz${9 - i}`, givenName: 'Moved' }));
		const failing = page('c2', { bundles: renamed, serverTime: 'not a time' });
		await expect(store.applyCaseloadPage(failing)).rejects.toThrow();

		expect(await firstIdsNow()).toEqual(before);
		expect(await wholeIds()).toEqual(before);
	});

	it('follows an order written by another tab or the service worker', async () => {
		await store.applyCaseloadPage(page('c1', { bundles: bundles.slice(0, 10) }));
		const mine = await firstIdsNow();
		// What another context's write leaves in the database: a new list under a new stamp.
		const theirs = [...mine].reverse();
		await lockValues.caseloadOrder.set(theirs.map((id) => [`k-${theirs.indexOf(id)}`, id]));
		await lockValues.caseloadOrderHead.set({ stamp: crypto.randomUUID(), first: theirs });

		expect(await firstIdsNow()).toEqual(theirs);
		// And a page on top of it merges into their list, not the one this context held.
		await store.applyCaseloadPage(
			page('c2', { bundles: [], removed: { subjectIds: [theirs[0]!], orderIds: [] } })
		);
		expect(await firstIdsNow()).toEqual(theirs.slice(1));
	});

	it('serves the first screen from the head row alone, without the whole list', async () => {
		await store.applyCaseloadPage(page('c1', { bundles }));
		const whole = await wholeIds();
		// A list that would not parse is never read while the head holds enough ids.
		await db.meta.put({ key: 'caseloadOrder', value: [['only a sort key']] });
		expect((await store.firstEntries(50)).map((b) => b.subject.id)).toEqual(whole.slice(0, 50));
	});

	it('keeps the first screen in one copy that follows renames, removals and new pages', async () => {
		const wholeFirst = async () =>
			(await store.allSubjects()).slice(0, 50).map((s) => caseloadEntry(s.bundle));
		await store.applyCaseloadPage(page('c1', { bundles: bundles.slice(0, 40) }));
		expect(await store.firstEntries(50)).toEqual(await wholeFirst());
		await store.applyCaseloadPage(page('c2', { bundles: bundles.slice(40) }));
		expect(await store.firstEntries(50)).toEqual(await wholeFirst());

		// A subject on the first screen renamed in place, and the first three removed: rows
		// from past the old copy move up into it.
		const first = (await store.allSubjects()).slice(0, 50).map((s) => s.bundle);
		const renamed = withSubject(first[5]!, { aliases: ['Renamed in place'] });
		const removed = first.slice(0, 3).map((b) => b.subject.id);
		await store.applyCaseloadPage(
			page('c3', { bundles: [renamed], removed: { subjectIds: removed, orderIds: [] } })
		);
		const now = await store.firstEntries(50);
		expect(now).toEqual(await wholeFirst());
		expect(now).toContainEqual(caseloadEntry(renamed));

		// The copy beside the head: one row of fifty entries, under the head's stamp.
		const copy = await lockValues.caseloadScreen.get();
		expect(copy?.stamp).toBe((await lockValues.caseloadOrderHead.get())?.stamp);
		expect(copy?.entries).toEqual(now);
		expect(now).toHaveLength(50);
	});

	it("does not use a first-screen copy that is not the head's", async () => {
		await store.applyCaseloadPage(page('c1', { bundles: bundles.slice(0, 10) }));
		const copy = await lockValues.caseloadScreen.get();
		// As another context's write (or an older build) leaves it: a head with a new stamp.
		const head = await lockValues.caseloadOrderHead.get();
		await lockValues.caseloadOrderHead.set({ ...head!, stamp: crypto.randomUUID() });
		const stale = copy!.entries.map((e) => ({ ...e, homeLine: 'Stale copy' }));
		await lockValues.caseloadScreen.set({ ...copy!, entries: stale });

		const rows = (await store.allSubjects()).map((s) => caseloadEntry(s.bundle));
		expect(await store.firstEntries(10)).toEqual(rows);
	});

	it('does not use a first-screen copy of another shape, and reads the rows instead', async () => {
		await store.applyCaseloadPage(page('c1', { bundles: bundles.slice(0, 10) }));
		const copy = await lockValues.caseloadScreen.get();
		// Entries without their orders, as a build with another entry would leave them.
		const other = copy!.entries.map(({ orders: _, ...rest }) => rest);
		await db.meta.put({ key: 'caseloadScreen', value: { ...copy!, entries: other } as never });

		const rows = (await store.allSubjects()).map((s) => caseloadEntry(s.bundle));
		expect(await store.firstEntries(10)).toEqual(rows);
	});

	it('reads past the head from the whole list when more rows are asked for', async () => {
		await store.applyCaseloadPage(page('c1', { bundles: generatedBundles(130) }));
		const whole = await wholeIds();
		const ids = (await store.firstEntries(120)).map((b) => b.subject.id);
		expect(ids).toEqual(whole.slice(0, 120));
	});

	it('rebuilds a missing list from the rows, so a new page does not drop the rest', async () => {
		await store.applyCaseloadPage(page('c1', { bundles: bundles.slice(0, 30) }));
		await lockValues.caseloadOrder.remove();
		await lockValues.caseloadOrderHead.remove();
		await store.applyCaseloadPage(page('c2', { bundles: bundles.slice(30) }));
		const whole = await wholeIds();
		expect(whole).toHaveLength(bundles.length);
		expect(await firstIdsNow()).toEqual(whole);
	});

	it('falls back to sorting the whole caseload when the stored order no longer parses', async () => {
		await store.applyCaseloadPage(page('c1', { bundles: bundles.slice(0, 10) }));
		const whole = await wholeIds();
		await db.meta.put({ key: 'caseloadOrder', value: [['only a sort key']] });
		// As an older build leaves it: no head row beside the list.
		await lockValues.caseloadOrderHead.remove();

		expect(await lockValues.caseloadOrder.get()).toBeUndefined();
		expect(await firstIdsNow()).toEqual(whole);
	});
});
