import { describe, expect, it } from 'vitest';
import { passwordProblem } from './password-rule';

describe('passwordProblem', () => {
	it('accepts a long passphrase', () => {
		expect(passwordProblem('correct horse battery', 'jsmith')).toBeNull();
	});
	it('refuses short, username-based, repeated and common passwords', () => {
		expect(passwordProblem('short', 'jsmith')).toMatch(/12 characters/);
		expect(passwordProblem('jsmith-is-my-name', 'JSmith')).toMatch(/username/);
		expect(passwordProblem('aaaaaaaaaaaaaa', 'jsmith')).toMatch(/repeat/);
		expect(passwordProblem('Password1234', 'jsmith')).toMatch(/common/);
	});
});
