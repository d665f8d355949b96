import type { User } from '$lib/domain/user';
import type { SessionInfo } from '$lib/server/db/sessions';

declare global {
	namespace App {
		interface Locals {
			user: User | null;
			sessionToken: string | null;
			session: SessionInfo | null;
			/** The field device making the request (its session's, or the x-fieldcheck-device header). */
			deviceId: string | null;
			/** The user signed in with a reset password and must choose a new one first. */
			mustChangePassword: boolean;
		}
		interface Error {
			message: string;
			code?: string;
		}
	}
}

export {};
