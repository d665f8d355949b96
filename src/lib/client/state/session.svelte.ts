import type { LoginRequest, User } from '$lib/domain/user';
import * as auth from '../sync/auth';
import { deviceLock } from './device-lock.svelte';

export { RejectedWorkError, UnsentWorkError } from '../sync/auth';

/** Who is signed in on this device. Read from IndexedDB, so it is known offline too. */
class Session {
	#user = $state<User | null>(null);
	#loaded = $state(false);

	get user(): User | null {
		return this.#user;
	}

	get loaded(): boolean {
		return this.#loaded;
	}

	async load(): Promise<User | null> {
		this.#user = (await auth.signedInUser()) ?? null;
		this.#loaded = true;
		return this.#user;
	}

	async signIn(credentials: LoginRequest, allowRejected = false): Promise<User> {
		this.#user = await auth.signIn(credentials, allowRejected);
		this.#loaded = true;
		await deviceLock.afterSignIn(this.#user.role);
		return this.#user;
	}

	async signOut(allowRejected = false): Promise<void> {
		await auth.signOut(allowRejected);
		this.#user = null;
	}
}

export const session = new Session();
