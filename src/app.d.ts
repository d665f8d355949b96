import type { User } from '$lib/domain/user';

declare global {
	namespace App {
		interface Locals {
			user: User | null;
			sessionToken: string | null;
		}
		interface Error {
			message: string;
			code?: string;
		}
	}
}

export {};
