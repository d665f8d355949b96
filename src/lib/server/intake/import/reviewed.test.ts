import { describe, expect, it } from 'vitest';
import type { Plan } from './plan';
import * as reviewed from './reviewed';

const plan = { writes: [] } as unknown as Plan;
const bytes = (s: string) => new TextEncoder().encode(s);

describe('plans kept from a dry run', () => {
	it('fingerprints the exact bytes of each file and the team', () => {
		const key = reviewed.fingerprint({ subjects: bytes('a,b\n1,2\n') }, 'team-1');
		expect(reviewed.fingerprint({ subjects: bytes('a,b\n1,2\n') }, 'team-1')).toBe(key);
		expect(reviewed.fingerprint({ subjects: bytes('a,b\n1,3\n') }, 'team-1')).not.toBe(key);
		expect(reviewed.fingerprint({ subjects: bytes('a,b\n1,2\n') }, 'team-2')).not.toBe(key);
		// The same bytes under another file name are other files.
		expect(reviewed.fingerprint({ addresses: bytes('a,b\n1,2\n') }, 'team-1')).not.toBe(key);
	});

	it('gives a plan back once, to the user who made it, for the same files', () => {
		reviewed.keep('user-a', 'key-1', 7, plan, 1000);
		expect(reviewed.take('user-b', 'key-1', 1000)).toBeUndefined();
		expect(reviewed.take('user-a', 'key-1', 1000)).toEqual({ seq: 7, plan });
		expect(reviewed.take('user-a', 'key-1', 1000)).toBeUndefined();
	});

	it('drops a plan asked for with other files, and one kept too long', () => {
		reviewed.keep('user-a', 'key-1', 7, plan, 1000);
		expect(reviewed.take('user-a', 'key-2', 1000)).toBeUndefined();
		expect(reviewed.take('user-a', 'key-1', 1000)).toBeUndefined();
		reviewed.keep('user-a', 'key-1', 7, plan, 1000);
		expect(reviewed.take('user-a', 'key-1', 1000 + 16 * 60_000)).toBeUndefined();
	});

	it('keeps one plan per user and a few in all', () => {
		reviewed.keep('user-a', 'key-1', 1, plan, 1000);
		reviewed.keep('user-a', 'key-2', 2, plan, 1000);
		expect(reviewed.take('user-a', 'key-1', 1000)).toBeUndefined();
		for (const u of ['u1', 'u2', 'u3', 'u4', 'u5']) reviewed.keep(u, 'k', 1, plan, 1000);
		expect(reviewed.take('u1', 'k', 1000)).toBeUndefined();
		expect(reviewed.take('u5', 'k', 1000)).toEqual({ seq: 1, plan });
	});
});
