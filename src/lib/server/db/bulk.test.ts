import { describe, expect, it } from 'vitest';
import { insertRows } from './bulk';
import { openDatabase } from './connection';

describe('insertRows', () => {
	it('stores every row exactly as given, whatever the chunking, reusing compiled statements', async () => {
		const { db, raw } = await openDatabase('sqlite::memory:');
		const row = (i: number) => ({
			at: `2026-11-27T10:00:${String(i % 60).padStart(2, '0')}.000Z`,
			actor_id: `actor-${i}`,
			device_id: i % 3 === 0 ? null : `device-${i}`,
			action: 'record-visit',
			entity_id: `entity-${i}`,
			outcome: i % 2 ? 'accepted' : 'rejected',
			detail: `seq=${i}`
		});
		let next = 0;
		for (const count of [1, 7, 100, 101, 250, 7]) {
			const rows = Array.from({ length: count }, () => row(next++));
			await insertRows(db, 'audit', rows, 100);
		}
		const stored = raw
			.prepare(
				'SELECT at, actor_id, device_id, action, entity_id, outcome, detail FROM audit ORDER BY id'
			)
			.all();
		expect(stored).toEqual(Array.from({ length: next }, (_, i) => row(i)));
		await db.destroy();
	});
});
