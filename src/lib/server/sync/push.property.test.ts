import fc from 'fast-check';
import type Sqlite from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import type { MutationResult, PushResponse } from '$lib/domain/sync';
import type { Visit } from '$lib/domain/visit';
import { applyPush } from './push';
import { cloneDb, officersOf, seedTemplate, type Seeded } from './test-db';
import { makeMutation, makeVisit, uuid } from '$lib/domain/testing';

/**
 * Adversarial delivery: batches from one or two devices are duplicated, reordered, held back
 * and replayed late, lose their request or their response, skip ahead or carry holes. The
 * client only follows the protocol (it resends from the last `lastAppliedSeq` it heard of).
 * In the end the database must be exactly what one clean, in-order delivery produces.
 */

type Kind = 'visit' | 'photo' | 'amend' | 'invalid' | 'foreign' | 'resend' | 'conflict';
const kinds: Kind[] = ['visit', 'photo', 'amend', 'invalid', 'foreign', 'resend', 'conflict'];

let seeded: Seeded;
let officers: ReturnType<typeof officersOf>;
beforeAll(async () => {
	seeded = await seedTemplate();
	officers = officersOf(seeded.caseload);
});

interface Device {
	id: string;
	officerId: string;
	mutations: unknown[];
}

function script(d: number, officerIndex: number, plan: Kind[]): Device {
	const officer = officers[officerIndex]!;
	const foreign = officers[1 - officerIndex]!.subjects[0]!;
	const valid: Visit[] = [];
	const mutations = plan.map((kind, i) => {
		const n = d * 1000 + i + 1;
		const subject = officer.subjects[i % officer.subjects.length]!;
		let v = makeVisit({ id: uuid(n, 'e'), officerId: officer.id, ...subject, notes: `n${n}` });
		const earlier = valid[i % Math.max(1, valid.length)];
		if (kind === 'photo') {
			const ref = { id: uuid(n, 'f'), sha256: n.toString(16).padStart(64, '0'), bytes: 100 + n };
			v = { ...v, photos: [{ ...ref, mimeType: 'image/jpeg', width: 640, height: 480 }] };
		} else if (kind === 'amend' && earlier) {
			const { subjectId, addressId, photos } = earlier;
			v = { ...v, subjectId, addressId, photos, amends: earlier.id };
		} else if (kind === 'resend' && earlier) v = earlier;
		else if (kind === 'conflict' && earlier) v = { ...earlier, notes: `changed ${n}` };
		else if (kind === 'foreign') v = { ...v, ...foreign };
		const m: unknown = makeMutation(i + 1, uuid(n, 'c'), v);
		if (kind === 'visit' || kind === 'photo' || kind === 'amend') valid.push(v);
		return kind === 'invalid' ? { ...(m as object), visit: { ...v, result: 'arrested' } } : m;
	});
	return { id: uuid(d + 1, 'd'), officerId: officer.id, mutations };
}

const seqOf = (m: unknown) => (m as { seq: number }).seq;

function snapshot(raw: Sqlite.Database): unknown {
	const all = (q: string) => raw.prepare(q).all();
	return {
		visits: all(`SELECT id, mutation_id, device_id, device_seq, officer_id, subject_id, amends,
			data FROM visits ORDER BY id`),
		devices: all('SELECT id, user_id, last_seq FROM devices ORDER BY id'),
		outcomes: all(`SELECT device_id, seq, mutation_id, visit_id, status, code, message
			FROM mutation_outcomes ORDER BY device_id, seq`),
		photos: all('SELECT id, sha256, bytes FROM photos ORDER BY id'),
		links: all('SELECT visit_id, photo_id FROM visit_photos ORDER BY visit_id, photo_id'),
		audit: all(`SELECT device_id, action, entity_id, outcome, detail FROM audit
			WHERE device_id IS NOT NULL ORDER BY device_id, detail`)
	};
}

async function cleanDelivery(devices: Device[]) {
	const clone = await cloneDb(seeded.template);
	const answers: PushResponse[] = [];
	for (const d of devices) answers.push(await applyPush(clone.db, d.officerId, d.id, d.mutations));
	return { ...clone, answers };
}

/** What a replay must say about a mutation, given its first answer. */
function replayAnswer(first: MutationResult): string {
	if (first.status === 'applied' || first.status === 'duplicate') return 'duplicate';
	return first.status === 'rejected' ? `rejected ${first.code}` : 'deferred';
}

const action = fc.record({
	device: fc.nat(1),
	skew: fc.integer({ min: -4, max: 3 }),
	size: fc.integer({ min: 1, max: 8 }),
	hole: fc.boolean(),
	shuffle: fc.nat(),
	fate: fc.constantFrom('delivered', 'request-lost', 'response-lost', 'held', 'duplicated'),
	replayHeld: fc.boolean()
});

function shuffled<T>(xs: T[], seed: number): T[] {
	const out = [...xs];
	let s = seed + 1;
	for (let i = out.length - 1; i > 0; i--) {
		s = (s * 1103515245 + 12345) % 2147483648;
		const j = s % (i + 1);
		[out[i], out[j]] = [out[j]!, out[i]!];
	}
	return out;
}

describe('push under adversarial delivery', () => {
	it('ends exactly as one clean in-order delivery', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.array(fc.constantFrom(...kinds), { minLength: 1, maxLength: 24 }),
				fc.array(fc.constantFrom(...kinds), { minLength: 0, maxLength: 24 }),
				fc.nat(1),
				fc.array(action, { maxLength: 30 }),
				async (planA, planB, secondOfficer, actions) => {
					const devices = [script(0, 0, planA)];
					if (planB.length > 0) devices.push(script(1, secondOfficer, planB));
					const clean = await cleanDelivery(devices);
					const { db, raw } = await cloneDb(seeded.template);

					const acked = devices.map(() => 0);
					const serverLast = devices.map(() => 0);
					const held: { device: number; batch: unknown[] }[] = [];
					const deliver = async (device: number, batch: unknown[]): Promise<PushResponse> => {
						const d = devices[device]!;
						const res = await applyPush(db, d.officerId, d.id, batch);
						// The server's position never moves back, and never past what it was sent.
						expect(res.lastAppliedSeq).toBeGreaterThanOrEqual(serverLast[device]!);
						expect(res.results.map((r) => r.seq).sort((a, b) => a - b)).toEqual(
							batch.map(seqOf).sort((a, b) => a - b)
						);
						for (const r of res.results) {
							if (r.status === 'applied') expect(r.seq).toBeGreaterThan(serverLast[device]!);
						}
						serverLast[device] = res.lastAppliedSeq;
						return res;
					};

					for (const a of actions) {
						const device = Math.min(a.device, devices.length - 1);
						if (a.replayHeld && held.length > 0) {
							const [h] = held.splice(a.shuffle % held.length, 1);
							const res = await deliver(h!.device, h!.batch);
							acked[h!.device] = Math.max(acked[h!.device]!, res.lastAppliedSeq);
							continue;
						}
						const all = devices[device]!.mutations;
						const from = Math.max(1, acked[device]! + 1 + a.skew);
						let batch = all.slice(from - 1, from - 1 + a.size);
						if (a.hole && batch.length > 2) batch.splice(1 + (a.shuffle % (batch.length - 2)), 1);
						batch = shuffled(batch, a.shuffle);
						if (batch.length === 0) continue;
						if (a.fate === 'request-lost') continue;
						if (a.fate === 'held') {
							held.push({ device, batch });
							continue;
						}
						const res = await deliver(device, batch);
						if (a.fate === 'duplicated') await deliver(device, batch);
						if (a.fate !== 'response-lost') {
							acked[device] = Math.max(acked[device]!, res.lastAppliedSeq);
						}
					}

					// The client keeps resending from lastAppliedSeq + 1 until everything is acknowledged.
					for (const [i, d] of devices.entries()) {
						for (let round = 0; acked[i]! < d.mutations.length; round++) {
							expect(round).toBeLessThan(100);
							const res = await deliver(i, d.mutations.slice(acked[i]!, acked[i]! + 10));
							acked[i] = Math.max(acked[i]!, res.lastAppliedSeq);
						}
					}
					// Batches held up in the network arrive at last.
					for (const h of held) await deliver(h.device, h.batch);

					const expected = snapshot(clean.raw);
					expect(snapshot(raw)).toEqual(expected);

					// Replaying everything is a no-op that repeats every first answer.
					for (const [i, d] of devices.entries()) {
						const res = await applyPush(db, d.officerId, d.id, d.mutations);
						expect(res.results.map(replayAnswer)).toEqual(
							clean.answers[i]!.results.map(replayAnswer)
						);
						const applied = clean.answers[i]!.results.filter((r) => r.status === 'applied');
						for (const r of applied) {
							expect(res.results[r.seq - 1]).toMatchObject({ receivedAt: expect.any(String) });
						}
					}
					expect(snapshot(raw)).toEqual(expected);
					await db.destroy();
					await clean.db.destroy();
				}
			),
			{ numRuns: 80 }
		);
	}, 120_000);
});
