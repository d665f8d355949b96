/**
 * The password rule for every account (documented in the README, "Deployment"):
 * - at least 12 characters (and at most 256);
 * - not the username, and not containing it;
 * - not one character repeated, and not one of the commonly used passwords below.
 * Length over composition rules, as NCSC and NIST SP 800-63B advise.
 */
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

const common = new Set([
	'password1234',
	'password12345',
	'password123456',
	'123456789012',
	'1234567890123',
	'qwertyuiopas',
	'qwerty123456',
	'letmein12345',
	'welcome12345',
	'iloveyou1234',
	'administrator',
	'administrator1',
	'changeme1234',
	'fieldcheck123',
	'fieldcheck1234',
	'policepolice',
	'passwordpassword',
	'abcdefghijkl',
	'abc123456789',
	'trustno1trustno1'
]);

/** Why this password is refused, or null when it is acceptable. */
export function passwordProblem(password: string, username: string): string | null {
	if (password.length < MIN_PASSWORD_LENGTH) {
		return `Use at least ${MIN_PASSWORD_LENGTH} characters`;
	}
	if (password.length > MAX_PASSWORD_LENGTH) {
		return `Use at most ${MAX_PASSWORD_LENGTH} characters`;
	}
	const lower = password.toLowerCase();
	const name = username.trim().toLowerCase();
	if (name.length > 0 && lower.includes(name)) return 'Do not use the username in the password';
	if (/^(.)\1*$/.test(password)) return 'Do not repeat one character';
	if (common.has(lower)) return 'That password is too common: choose another';
	return null;
}
