import { describe, expect, it } from 'vitest';
import type { User } from '$lib/domain/user';
import { ApiFailure } from '../http';
import { assertInScope, inScope, teamForWrite, teamScope } from './scope';

const teamA = '11111111-1111-4111-8111-111111111111';
const teamB = '22222222-2222-4222-8222-222222222222';
const user = (role: User['role'], teamId: string | null): User => ({
	id: '33333333-3333-4333-8333-333333333333',
	username: 'u',
	displayName: 'U',
	collarNumber: null,
	role,
	teamId
});

describe('team scope', () => {
	it('gives an administrator every team and a supervisor their own', () => {
		expect(inScope(teamScope(user('administrator', null)), teamB)).toBe(true);
		expect(inScope(teamScope(user('supervisor', teamA)), teamA)).toBe(true);
		expect(inScope(teamScope(user('supervisor', teamA)), teamB)).toBe(false);
		expect(inScope(teamScope(user('supervisor', null)), null)).toBe(false);
	});
	it('answers 404 outside the scope, so another team learns nothing', () => {
		const f = (() => {
			try {
				assertInScope(teamScope(user('supervisor', teamA)), teamB, 'subject');
			} catch (e) {
				return e;
			}
		})();
		expect(f).toBeInstanceOf(ApiFailure);
		expect((f as ApiFailure).status).toBe(404);
	});
	it('writes a supervisor’s records to their own team', () => {
		expect(teamForWrite(teamScope(user('supervisor', teamA)), undefined)).toBe(teamA);
		expect(teamForWrite(teamScope(user('administrator', null)), teamB)).toBe(teamB);
		expect(() => teamForWrite(teamScope(user('supervisor', teamA)), teamB)).toThrow(ApiFailure);
	});
});
