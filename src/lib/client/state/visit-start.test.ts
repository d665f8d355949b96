import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeVisit, uuid } from '$lib/domain/testing';
import { database, FieldcheckDatabase, useDatabase } from '../db/database';
import { getDraft } from '../db/drafts-store';
import { startAmendment } from './visit-start';
import { unlockForTests } from '../db/crypto/testing';

beforeEach(async () => {
	await unlockForTests();
	useDatabase(new FieldcheckDatabase(`visit-start-test-${crypto.randomUUID()}`));
});
afterEach(async () => database().delete());

describe('startAmendment', () => {
	it('saves a draft on the device that amends the original', async () => {
		const original = makeVisit({ id: uuid(1), notes: 'First account' });
		const id = await startAmendment(original, uuid(4, 'c'));
		const draft = await getDraft(id);
		expect(draft).toMatchObject({ amends: original.id, notes: 'First account' });
		expect(id).not.toBe(original.id);
	});
});
