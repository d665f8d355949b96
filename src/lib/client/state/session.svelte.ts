import type { LoginRequest, User } from '$lib/domain/user';
import * as auth from '../sync/auth';
import { deviceLock } from './device-lock.svelte';

export { RejectedWorkError, UnsentWorkError } from '../sync/auth';

/** Who is signed in on this device. Read from IndexedDB, so it is known offline too. */
class Session {
	#user = $state<User | null>(null);
	#loaded = $state(false);
	#mustChangePassword = $state(false);

	get user(): User | null {
		return this.#user;
	}

	get loaded(): boolean {
		return this.#loaded;
	}

	/** Signed in with a password an administrator set: a new one must be chosen first. */
	get mustChangePassword(): boolean {
		return this.#mustChangePassword;
	}

	async load(): Promise<User | null> {
		this.#user = (await auth.signedInUser()) ?? null;
		this.#loaded = true;
		return this.#user;
	}

	async signIn(credentials: LoginRequest, allowRejected = false): Promise<User> {
		const { user, mustChangePassword } = await auth.signIn(credentials, allowRejected);
		this.#user = user;
		this.#mustChangePassword = mustChangePassword;
		this.#loaded = true;
		await deviceLock.afterSignIn(user.role);
		return user;
	}

	async changePassword(password: string): Promise<void> {
		await auth.changePassword(password);
		this.#mustChangePassword = false;
	}

	async signOut(allowRejected = false): Promise<void> {
		await auth.signOut(allowRejected);
		this.#user = null;
	}
}

export const session = new Session();
