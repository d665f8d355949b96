import type { User } from '$lib/domain/user';

declare global {
	namespace App {
		interface Locals {
			user: User | null;
			sessionToken: string | null;
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
