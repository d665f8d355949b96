import { describe, expect, it } from 'vitest';
import { openDatabase } from './connection';
import { isIn, readByKeys } from './lists';

describe('look-ups by a list of keys', () => {
	it('finds exactly the rows named, by text or by number, however long the list', async () => {
		const { db } = await openDatabase('sqlite::memory:');
		const rows = Array.from({ length: 1200 }, (_, i) => ({
			at: '2026-11-27T10:00:00.000Z',
			action: 'record-visit',
			outcome: 'accepted',
			entity_id: `entity-${i}`
		}));
		await db.insertInto('audit').values(rows).execute();
		const awkward = `it's "quoted", ünïcode ✓ and a \\ backslash`;
		await db
			.insertInto('audit')
			.values({ ...rows[0]!, entity_id: awkward })
			.execute();
		const wanted = ['entity-3', 'entity-1199', 'entity-3', 'no-such-entity', awkward];
		const byText = await readByKeys(db, wanted, (part) =>
			db
				.selectFrom('audit')
				.select('entity_id')
				.where(isIn(db, 'entity_id', part))
				.execute()
		);
		expect(byText.map((r) => r.entity_id).sort()).toEqual(['entity-1199', 'entity-3', awkward]);

		const ids = Array.from({ length: 1100 }, (_, i) => i * 2 + 1);
		const byNumber = await readByKeys(db, ids, (part) =>
			db
				.selectFrom('audit')
				.select('id')
				.where(isIn(db, 'id', part))
				.execute()
		);
		// Odd ids up to 1,201 exist (601 of them); the rest of the list names none. INTEGER
		// columns other than the rowid (device_seq, seq) are covered by the replay tests of push.
		expect(byNumber).toHaveLength(601);
		expect(byNumber.every((r) => r.id % 2 === 1)).toBe(true);
		await db.destroy();
	});

	it('matches nothing for an empty list, and asks nothing', async () => {
		const { db } = await openDatabase('sqlite::memory:');
		let asked = 0;
		const rows = await readByKeys(db, [], async () => {
			asked++;
			return [];
		});
		expect(rows).toEqual([]);
		expect(asked).toBe(0);
		const none = await db
			.selectFrom('audit')
			.select('id')
			.where(isIn(db, 'id', []))
			.execute();
		expect(none).toEqual([]);
		await db.destroy();
	});
});
