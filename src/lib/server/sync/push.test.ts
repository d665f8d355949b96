import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Visit } from '$lib/domain/visit';
import type { Db } from '../db/connection';
import * as devices from '../db/devices';
import { ApiFailure } from '../http';
import { applyPush, push } from './push';
import { cloneDb, officersOf, seedTemplate, type Seeded } from './test-db';
import { makeMutation, makeVisit, uuid } from '$lib/domain/testing';

let seeded: Seeded;
let db: Db;
let raw: import('better-sqlite3').Database;
let officer: ReturnType<typeof officersOf>[number];
let other: ReturnType<typeof officersOf>[number];
const device = uuid(1, 'd');

beforeAll(async () => {
	seeded = await seedTemplate();
	[officer, other] = officersOf(seeded.caseload) as [typeof officer, typeof other];
});
beforeEach(async () => {
	({ db, raw } = await cloneDb(seeded.template));
});

const visit = (n: number, over: Partial<Visit> = {}) =>
	makeVisit({ id: uuid(n), officerId: officer.id, ...officer.subjects[0]!, ...over });
const mutation = (seq: number, v: Visit) => makeMutation(seq, uuid(seq, 'c'), v);
const count = (table: string) =>
	(raw.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('applyPush against SQLite', () => {
	it('applies, answers a replay as duplicate with the first receipt time, and moves last_seq', async () => {
		const batch = [mutation(1, visit(1)), mutation(2, visit(2))];
		const first = await applyPush(db, officer.id, device, batch, new Date('2026-11-27T12:00:00Z'));
		expect(first.lastAppliedSeq).toBe(2);
		expect(first.results.map((r) => r.status)).toEqual(['applied', 'applied']);
		const again = await applyPush(db, officer.id, device, batch, new Date('2026-11-27T13:00:00Z'));
		expect(again.results).toEqual([
			{ seq: 1, status: 'duplicate', receivedAt: '2026-11-27T12:00:00.000Z' },
			{ seq: 2, status: 'duplicate', receivedAt: '2026-11-27T12:00:00.000Z' }
		]);
		expect(count('visits')).toBe(2);
		expect((await devices.find(db, device))?.lastSeq).toBe(2);
	});

	it('reports a gap and applies nothing past it', async () => {
		const res = await applyPush(db, officer.id, device, [
			mutation(1, visit(1)),
			mutation(3, visit(3)),
			mutation(4, visit(4))
		]);
		expect(res.lastAppliedSeq).toBe(1);
		expect(res.results.slice(1)).toEqual([
			expect.objectContaining({ seq: 3, status: 'deferred', code: 'sequence-gap' }),
			expect.objectContaining({ seq: 4, status: 'deferred', code: 'sequence-gap' })
		]);
		expect(res.results[1]).toMatchObject({ message: expect.stringContaining('from 2') });
		expect(count('visits')).toBe(1);
	});

	it('makes a rejection final: it consumes the seq and is answered the same way on replay', async () => {
		const foreign = visit(1, { ...other.subjects[0]! });
		const batch = [mutation(1, foreign), mutation(2, visit(2))];
		const res = await applyPush(db, officer.id, device, batch);
		expect(res.results[0]).toMatchObject({ status: 'rejected', code: 'not-assigned' });
		expect(res.results[1]).toMatchObject({ status: 'applied' });
		const again = await applyPush(db, officer.id, device, batch);
		expect(again.results[0]).toEqual(res.results[0]);
		expect(count('visits')).toBe(1);
		// Audited by code and id only.
		const audit = raw.prepare('SELECT outcome, detail FROM audit WHERE device_id = ?').all(device);
		expect(audit).toEqual([
			{ outcome: 'rejected', detail: 'seq=1 code=not-assigned' },
			{ outcome: 'accepted', detail: 'seq=2' }
		]);
	});

	it('rejects one malformed mutation on its own', async () => {
		const bad = { ...mutation(1, visit(1)), visit: { ...visit(1), result: 'arrested' } };
		const res = await applyPush(db, officer.id, device, [bad, mutation(2, visit(2))]);
		expect(res.results[0]).toMatchObject({ status: 'rejected', code: 'invalid-mutation' });
		expect(res.results[0]).toMatchObject({ message: expect.stringContaining('visit.result') });
		expect(res.results[1]).toMatchObject({ status: 'applied' });
	});

	it('accepts an amendment of a visit earlier in the same batch, and spots id reuse', async () => {
		const res = await applyPush(db, officer.id, device, [
			mutation(1, visit(1)),
			mutation(2, visit(2, { amends: uuid(1) })),
			mutation(3, visit(1)),
			mutation(4, visit(1, { notes: 'Different' }))
		]);
		expect(res.results.map((r) => (r.status === 'rejected' ? r.code : r.status))).toEqual([
			'applied',
			'applied',
			'duplicate',
			'visit-id-conflict'
		]);
	});

	it('lets only the officer who recorded a visit correct it', async () => {
		await applyPush(db, officer.id, device, [mutation(1, visit(1))]);
		// A crew-mate assigned to the same person too: assigned, so only authorship can stop them.
		raw
			.prepare(
				`INSERT INTO assignments (id, subject_id, officer_id, date, operation, priority, active,
				 seq, updated_at) VALUES (?, ?, ?, '2026-11-27', NULL, 1, 1, 999999, ?)`
			)
			.run(uuid(7, 'e'), officer.subjects[0]!.subjectId, other.id, '2026-11-27T08:00:00.000Z');
		const theirs = makeVisit({
			id: uuid(2),
			officerId: other.id,
			...officer.subjects[0]!,
			amends: uuid(1)
		});
		const res = await applyPush(db, other.id, uuid(2, 'd'), [mutation(1, theirs)]);
		expect(res.results[0]).toMatchObject({
			status: 'rejected',
			code: 'amends-another-officers-visit'
		});
		expect(count('visits')).toBe(1);
		const own = await applyPush(db, officer.id, device, [
			mutation(2, visit(3, { amends: uuid(1) }))
		]);
		expect(own.results[0]).toMatchObject({ status: 'applied' });
	});

	it('never accepts a different mutation under a sequence already used', async () => {
		await applyPush(db, officer.id, device, [mutation(1, visit(1))]);
		const reused = makeMutation(1, uuid(99, 'c'), visit(5));
		const res = await applyPush(db, officer.id, device, [reused]);
		expect(res.results[0]).toMatchObject({ status: 'rejected', code: 'sequence-reused' });
		expect(count('visits')).toBe(1);
	});

	it('refuses a device registered to another officer, and a revoked one, writing nothing', async () => {
		await applyPush(db, other.id, device, [
			mutation(1, visit(1, { officerId: other.id, ...other.subjects[0]! }))
		]);
		const before = [count('visits'), count('audit'), count('mutation_outcomes')];
		await expect(applyPush(db, officer.id, device, [mutation(2, visit(2))])).rejects.toMatchObject({
			status: 403,
			code: 'device-mismatch'
		});
		await devices.revoke(db, device);
		await expect(
			applyPush(db, other.id, device, [
				mutation(2, visit(2, { officerId: other.id, ...other.subjects[0]! }))
			])
		).rejects.toMatchObject({ status: 403, code: 'device-revoked' });
		expect([count('visits'), count('audit'), count('mutation_outcomes')]).toEqual(before);
	});

	it('answers another protocol version with protocol-mismatch before looking at the body', async () => {
		const older = await push(db, officer.id, { protocolVersion: 0, old: true }).catch((e) => e);
		expect(older).toBeInstanceOf(ApiFailure);
		expect(older).toMatchObject({ status: 409, code: 'protocol-mismatch' });
		expect((older as Error).message).toMatch(/update the app/);
		const newer = await push(db, officer.id, { protocolVersion: 2, new: true }).catch((e) => e);
		expect(newer).toMatchObject({ status: 409, code: 'protocol-mismatch' });
		expect((newer as Error).message).toMatch(/server is older/);
	});
});
