import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { FieldcheckDatabase } from './database';
import { unlockForTests } from './crypto/testing';
import { countPendingWork } from './pending-work';

describe('countPendingWork', () => {
	it('is 0 for a device that has no database, and creates none', async () => {
		const name = `none-${crypto.randomUUID()}`;
		expect(await countPendingWork(name)).toBe(0);
		const dbs = await indexedDB.databases();
		expect(dbs.some((d) => d.name === name)).toBe(false);
	});

	it('counts outbox entries and drafts without changing the database version', async () => {
		await unlockForTests();
		const name = `work-${crypto.randomUUID()}`;
		const db = new FieldcheckDatabase(name);
		await db.open();
		const version = db.verno;
		await db.drafts.put({ id: 'd1', subjectId: 's', updatedAt: '', draft: {} as never });
		await db.outbox.put({
			seq: 1,
			visitId: 'v',
			mutation: {} as never,
			queuedAt: '',
			attempts: 0,
			lastError: null
		});
		db.close();
		expect(await countPendingWork(name)).toBe(2);
		const again = new FieldcheckDatabase(name);
		await again.open();
		expect(again.verno).toBe(version);
		again.close();
	});
});
