/**
 * Slows password guessing: after MAX_FAILURES failed sign-ins for one key (username + address)
 * within WINDOW_MS, further attempts are refused until the window passes. In memory: a
 * restart forgets, which is acceptable for a single-node station server.
 */
const MAX_FAILURES = 8;
const WINDOW_MS = 15 * 60 * 1000;
const MAX_KEYS = 10_000;

const failures = new Map<string, { count: number; first: number }>();

export function isThrottled(key: string, now = Date.now()): boolean {
	const f = failures.get(key);
	if (!f) return false;
	if (now - f.first > WINDOW_MS) {
		failures.delete(key);
		return false;
	}
	return f.count >= MAX_FAILURES;
}

export function recordFailure(key: string, now = Date.now()): void {
	// Evict the oldest entry, never all of them: flooding with new usernames must not reset
	// the lock-out of the account under attack.
	if (failures.size >= MAX_KEYS) failures.delete(failures.keys().next().value!);
	const f = failures.get(key);
	if (!f || now - f.first > WINDOW_MS) failures.set(key, { count: 1, first: now });
	else f.count += 1;
}

export function recordSuccess(key: string): void {
	failures.delete(key);
}
