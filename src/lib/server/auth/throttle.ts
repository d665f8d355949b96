import type { Db } from '../db/connection';
import * as counters from '../db/sign-in-throttle';

/**
 * Slows password guessing, in the database so every app server sees the same counts and a
 * restart forgets nothing. Two limits over a 15-minute window:
 * - per client address, across usernames (password spraying: one password tried on many
 *   accounts from one place);
 * - per username, across addresses (guessing one account from many places). Only names of
 *   real accounts are counted, so a flood of made-up usernames writes no rows for them.
 * A lock-out ends with its window: a stranger can hold an account locked only by failing again
 * from addresses they control, each of which is also limited. A successful sign-in clears its
 * username's count, never its address's (or signing in to one's own account between guesses
 * would reset a sprayer's count).
 */
const WINDOW_MS = 15 * 60 * 1000;
const MAX_PER_ADDRESS = 30;
const MAX_PER_USERNAME = 8;

/** IPv6 clients usually hold a whole /64: count it as one address. */
export function addressKey(address: string): string {
	if (!address.includes(':') || address.startsWith('::ffff:')) {
		return `addr:${address.replace(/^::ffff:/, '')}`;
	}
	const [head = ''] = address.split('::');
	return `addr:${head.split(':').slice(0, 4).join(':')}::/64`;
}

const userKey = (username: string) => `user:${username.toLowerCase()}`;
const windowStart = (now: Date) => new Date(now.getTime() - WINDOW_MS).toISOString();

export async function isThrottled(
	db: Db,
	username: string,
	address: string,
	now = new Date()
): Promise<boolean> {
	const [addr, user] = [addressKey(address), userKey(username)];
	const counts = await counters.failuresWithin(db, [addr, user], windowStart(now));
	return (counts.get(addr) ?? 0) >= MAX_PER_ADDRESS || (counts.get(user) ?? 0) >= MAX_PER_USERNAME;
}

/** `knownUsername` is the account's name when one exists, null for a made-up name. */
export async function recordFailure(
	db: Db,
	knownUsername: string | null,
	address: string,
	now = new Date()
): Promise<void> {
	const keys = [addressKey(address), ...(knownUsername ? [userKey(knownUsername)] : [])];
	await counters.addFailure(db, keys, now.toISOString(), windowStart(now));
}

export async function recordSuccess(db: Db, username: string): Promise<void> {
	await counters.clear(db, userKey(username));
}
