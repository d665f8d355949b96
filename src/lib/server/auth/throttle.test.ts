import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../db/connection';
import { addressKey, isThrottled, recordFailure, recordSuccess } from './throttle';

let db: Db;
const t0 = new Date('2026-12-01T08:00:00.000Z');
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
const rows = async () =>
	(
		await db
			.selectFrom('sign_in_throttle')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.executeTakeFirstOrThrow()
	).n;

beforeEach(async () => {
	({ db } = await openDatabase('sqlite::memory:'));
});
afterEach(() => db.destroy());

describe('sign-in throttle (in the database)', () => {
	it('locks one address spraying one password across many usernames, whatever the username', async () => {
		for (let i = 0; i < 30; i++) await recordFailure(db, null, '203.0.113.7', at(0));
		expect(await isThrottled(db, 'officer1', '203.0.113.7', at(1))).toBe(true);
		expect(await isThrottled(db, 'officer1', '198.51.100.2', at(1))).toBe(false);
		// Made-up usernames leave no rows of their own: one row for the address, however many.
		expect(await rows()).toBe(1);
	});

	it('locks one account guessed at from many addresses, and a flood of other names cannot lift it', async () => {
		for (let i = 0; i < 8; i++) await recordFailure(db, 'officer1', `198.51.100.${i}`, at(0));
		expect(await isThrottled(db, 'officer1', '192.0.2.99', at(1))).toBe(true);
		for (let i = 0; i < 500; i++) await recordFailure(db, null, `10.0.${i >> 8}.${i & 255}`, at(2));
		expect(await isThrottled(db, 'OFFICER1', '192.0.2.99', at(3))).toBe(true);
		expect(await isThrottled(db, 'officer2', '192.0.2.99', at(3))).toBe(false);
	});

	it('ends a lock-out with its window, so a stranger cannot lock a user out for good', async () => {
		for (let i = 0; i < 8; i++) await recordFailure(db, 'officer1', '198.51.100.1', at(0));
		expect(await isThrottled(db, 'officer1', '198.51.100.1', at(14))).toBe(true);
		expect(await isThrottled(db, 'officer1', '198.51.100.1', at(16))).toBe(false);
		// A failure after the window starts a new count (and sweeps the expired rows).
		await recordFailure(db, 'officer1', '198.51.100.1', at(16));
		expect(await isThrottled(db, 'officer1', '198.51.100.1', at(17))).toBe(false);
		expect(await rows()).toBe(2);
	});

	it('clears the username’s count on success, never the address’s', async () => {
		for (let i = 0; i < 7; i++) await recordFailure(db, 'officer1', '203.0.113.7', at(0));
		for (let i = 0; i < 23; i++) await recordFailure(db, null, '203.0.113.7', at(0));
		await recordSuccess(db, 'officer1');
		expect(await isThrottled(db, 'officer1', '198.51.100.1', at(1))).toBe(false);
		expect(await isThrottled(db, 'officer2', '203.0.113.7', at(1))).toBe(true);
	});

	it('counts an IPv6 /64 as one address', () => {
		expect(addressKey('2001:db8:1:2:aaaa::1')).toBe(addressKey('2001:db8:1:2:bbbb::9'));
		expect(addressKey('::ffff:192.0.2.1')).toBe('addr:192.0.2.1');
	});
});
