import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AuditMutation, Mutation } from '$lib/domain/sync';
import { makeMutation, makeVisit, uuid } from '$lib/domain/testing';
import type { Db } from '../db/connection';
import { applyPush } from './push';
import { cloneDb, officersOf, seedTemplate, type Seeded } from './test-db';

let seeded: Seeded;
let db: Db;
let raw: import('better-sqlite3').Database;
let officer: ReturnType<typeof officersOf>[number];
const device = uuid(1, 'd');

beforeAll(async () => {
	seeded = await seedTemplate();
	[officer] = officersOf(seeded.caseload) as [typeof officer];
});
beforeEach(async () => {
	({ db, raw } = await cloneDb(seeded.template));
});

const viewed = (seq: number): AuditMutation => ({
	type: 'record-audit',
	seq,
	id: uuid(seq, 'c'),
	audit: {
		action: 'subject-viewed',
		subjectId: officer.subjects[0]!.subjectId,
		at: '2026-11-27T09:00:00Z'
	}
});
const deviceRows = () =>
	raw
		.prepare(
			`SELECT action, entity_id, device_at, device_id FROM audit WHERE action LIKE 'device-%' ORDER BY id`
		)
		.all();

describe('device audit entries in the sequenced push', () => {
	it('stores each once, in sequence with visits, and answers a replay as a duplicate', async () => {
		const visit = makeVisit({ id: uuid(2), officerId: officer.id, ...officer.subjects[0]! });
		const lock: Mutation = {
			type: 'record-audit',
			seq: 3,
			id: uuid(3, 'c'),
			audit: { action: 'lock', at: '2026-11-27T09:05:00Z' }
		};
		const batch = [viewed(1), makeMutation(2, uuid(2, 'c'), visit), lock];
		const first = await applyPush(db, officer.id, device, batch, new Date('2026-11-27T12:00:00Z'));
		expect(first.results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);
		const again = await applyPush(db, officer.id, device, batch, new Date('2026-11-27T13:00:00Z'));
		expect(again.results.map((r) => r.status)).toEqual(['duplicate', 'duplicate', 'duplicate']);
		expect(again.results[0]).toEqual({
			seq: 1,
			status: 'duplicate',
			receivedAt: '2026-11-27T12:00:00.000Z'
		});
		expect(deviceRows()).toEqual([
			{
				action: 'device-subject-viewed',
				entity_id: officer.subjects[0]!.subjectId,
				device_at: '2026-11-27T09:00:00Z',
				device_id: device
			},
			{
				action: 'device-lock',
				entity_id: null,
				device_at: '2026-11-27T09:05:00Z',
				device_id: device
			}
		]);
	});

	it('rejects an entry that carries anything beyond ids and times', async () => {
		const withName = { ...viewed(1), audit: { ...viewed(1).audit, surname: 'Example' } };
		const res = await applyPush(db, officer.id, device, [withName]);
		expect(res.results[0]).toMatchObject({ status: 'rejected', code: 'invalid-mutation' });
		expect(deviceRows()).toEqual([]);
	});
});
