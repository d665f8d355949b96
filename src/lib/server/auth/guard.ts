import type { Role, User } from '$lib/domain/user';
import { ApiFailure } from '../http';

/**
 * The signed-in user, or 401. With roles given, 403 unless the user has one of them. A user
 * whose password was reset gets 403 `password-change-required` until they choose a new one.
 */
export function requireUser(locals: App.Locals, ...roles: Role[]): User {
	const user = requireSession(locals);
	if (locals.mustChangePassword) {
		throw new ApiFailure(403, 'password-change-required', 'Choose a new password first');
	}
	if (roles.length > 0 && !roles.includes(user.role)) {
		throw new ApiFailure(403, 'forbidden', 'Your role does not allow this');
	}
	return user;
}

/** Signed in, whether or not the password must change: only for the change-password route. */
export function requireSession(locals: App.Locals): User {
	if (!locals.user) throw new ApiFailure(401, 'unauthenticated', 'Sign in to continue');
	return locals.user;
}
