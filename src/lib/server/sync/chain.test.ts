import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { makeMutation, makeVisit, uuid } from '$lib/domain/testing';
import type { Visit } from '$lib/domain/visit';
import { visitHash } from '$lib/domain/visit-hash';
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

/** A chain of n visits as the device would hash them. */
async function chain(n: number): Promise<Visit[]> {
	const out: Visit[] = [];
	let prev: string | null = null;
	for (let i = 1; i <= n; i++) {
		const v = makeVisit({ id: uuid(i), officerId: officer.id, ...officer.subjects[0]! });
		const hash = await visitHash(v, [], prev);
		out.push({ ...v, hash, prevHash: prev });
		prev = hash;
	}
	return out;
}
const statuses = () =>
	Object.fromEntries(
		(
			raw.prepare('SELECT id, chain_status FROM visits').all() as {
				id: string;
				chain_status: string;
			}[]
		).map((r) => [r.id, r.chain_status])
	);
const push = (vs: Visit[], first = 1) =>
	applyPush(
		db,
		officer.id,
		device,
		vs.map((v, i) => makeMutation(first + i, uuid(first + i, 'c'), v)),
		new Date('2026-11-27T12:00:00Z')
	);

describe('per-device visit chain', () => {
	it('accepts an intact chain', async () => {
		const vs = await chain(3);
		await push(vs);
		expect(statuses()).toEqual({ [uuid(1)]: 'ok', [uuid(2)]: 'ok', [uuid(3)]: 'ok' });
	});

	it('flags a tampered visit and a missing one, and closes the gap when it arrives', async () => {
		const [a, b, c] = await chain(3);
		const tampered = { ...a!, notes: 'changed after finalise' };
		await push([tampered, c!]);
		expect(statuses()).toEqual({ [uuid(1)]: 'hash-mismatch', [uuid(3)]: 'gap' });
		// b arrives later (sealed, say): c's predecessor is now there.
		await push([b!], 3);
		expect(statuses()[uuid(3)]).toBe('ok');
		expect(statuses()[uuid(2)]).toBe('ok');
	});

	it('records visits without a hash as unchained and a second first link as restarted', async () => {
		const plain = makeVisit({ id: uuid(9), officerId: officer.id, ...officer.subjects[0]! });
		const [a] = await chain(1);
		const again = { ...(await chain(2))[1]!, id: uuid(8) };
		const restart = { ...again, prevHash: null, hash: await visitHash(again, [], null) };
		await push([plain, a!, restart]);
		expect(statuses()).toEqual({ [uuid(9)]: 'unchained', [uuid(1)]: 'ok', [uuid(8)]: 'restarted' });
	});
});
