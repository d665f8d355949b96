import type { LoginRequest, User } from '$lib/domain/user';
import * as auth from '../sync/auth';

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

	/** Asks the server whether this session must change its password first (see auth.ts). */
	async checkPasswordChange(): Promise<boolean> {
		const must = await auth.mustChangePassword();
		if (must !== null) this.#mustChangePassword = must;
		return this.#mustChangePassword;
	}

	async signIn(credentials: LoginRequest, allowRejected = false): Promise<User> {
		const { user, mustChangePassword } = await auth.signIn(credentials, allowRejected);
		this.#user = user;
		this.#mustChangePassword = mustChangePassword;
		this.#loaded = true;
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
