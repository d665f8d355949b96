import type { Role, User } from '$lib/domain/user';
import { ApiFailure } from '../http';

/** The signed-in user, or 401. With roles given, 403 unless the user has one of them. */
export function requireUser(locals: App.Locals, ...roles: Role[]): User {
	const user = locals.user;
	if (!user) throw new ApiFailure(401, 'unauthenticated', 'Sign in to continue');
	if (roles.length > 0 && !roles.includes(user.role)) {
		throw new ApiFailure(403, 'forbidden', 'Your role does not allow this');
	}
	return user;
}
