import * as keyring from '../db/crypto/keyring';
import { MIN_PASSPHRASE_LENGTH, type LockPolicy } from '../db/crypto/unlock-record';
import { wipeDevice } from '../db/device-store';
import { user as userValue } from '../db/account-values';
import * as values from '../db/lock-values';
import { deviceIdValue } from '../db/sync-values';
import { queueLockEvents } from '../db/audit-store';
import * as unlock from '../db/unlock-store';
import * as handoff from '../lock/key-handoff';
import * as passkey from '../lock/passkey';
import { ApiError, onDeviceRevoked, request } from '../sync/api';
import { meResponseSchema } from '$lib/domain/device-security';
import { z } from 'zod';

export { MIN_PASSPHRASE_LENGTH };

export type LockState =
	'opening' | 'signed-out' | 'setup' | 'locked' | 'locking' | 'wiped' | 'open';

const ACTIVITY = ['pointerdown', 'keydown', 'touchstart', 'wheel'] as const;

/**
 * Whether this device is open, locked, or must be set up or signed in again; and the idle
 * watch that locks it. Locking drops the key everywhere and reloads the page, so no decrypted
 * value survives in any component's memory.
 */
class DeviceLock {
	#state = $state<LockState>('opening');
	#remaining = $state(5);
	#hasPasskey = $state(false);
	#expired = $state(false);
	#policy: LockPolicy = { idleMinutes: 10, expiryHours: 24 };
	#lastActivity = Date.now();
	#hiddenAt: number | null = null;

	get state(): LockState {
		return this.#state;
	}
	/** Unlock attempts left before the device wipes itself. */
	get remaining(): number {
		return this.#remaining;
	}
	get hasPasskey(): boolean {
		return this.#hasPasskey;
	}
	/** Not synced within the expiry time: the caseload stays shut until a sync. */
	get expired(): boolean {
		return this.#expired;
	}
	get idleMinutes(): number {
		return this.#policy.idleMinutes;
	}

	/** On app start: take the key back from the worker, or ask for set-up, unlock or sign-in. */
	async open(): Promise<LockState> {
		this.#policy = await unlock.lockPolicy();
		const record = await unlock.unlockRecord();
		if (record) {
			this.#hasPasskey = record.passkey !== undefined;
			this.#remaining = 5 - ((await values.failedUnlocks.get()) ?? 0);
			const key = await handoff.takeBack();
			if (key) keyring.use(key);
			return this.#settle(key ? 'open' : 'locked');
		}
		// No way to unlock: whatever is left is unreadable. Sealed visits stay.
		const mustSignIn = (await values.signInRequired.get()) === true;
		if (mustSignIn) {
			await wipeDevice();
			await values.signInRequired.set(true);
			return this.#settle('wiped');
		}
		// A station screen, or a sign-in whose set-up was interrupted: the server session may
		// still be good; officers then set up unlocking before anything else.
		let refusal: unknown = null;
		const me = await request('/api/me', meResponseSchema).catch((e: unknown) => {
			refusal = e;
			return null;
		});
		if (isPasswordChange(refusal)) {
			// Held to a password change since sign-in: the key waited in the worker (see below).
			const key = await handoff.takeBack();
			if (key) {
				keyring.use(key);
				return this.#settle('open');
			}
		}
		if (me?.user.role !== 'officer') {
			// Station tabs share one key in memory (through the worker), so a second tab does not
			// wipe what the first one is using.
			const key = me ? await handoff.takeBack() : null;
			if (key) {
				keyring.use(key);
				await userValue.set(me!.user);
				return this.#settle('open');
			}
		}
		await wipeDevice();
		await values.signInRequired.remove();
		if (!me) return this.#settle('signed-out');
		await unlock.ensureDataKey();
		if (me.deviceId) await deviceIdValue.set(me.deviceId);
		await values.sealKey.set(me.sealKey);
		await userValue.set(me.user);
		return this.afterSignIn(me.user.role);
	}

	/** Called once an online sign-in has stored the user (see session.signIn). */
	async afterSignIn(role: string): Promise<LockState> {
		await values.signInRequired.remove();
		if (role === 'officer' && !(await unlock.unlockRecord())) {
			// Set-up put off by a password change and a reload: the key to wrap must be new.
			if (!unlock.needsSetUp()) await unlock.restartSetUp();
			return this.#settle('setup');
		}
		return this.#settle('open');
	}

	/**
	 * Signed in with a password an administrator set: the change form comes first (the server
	 * refuses everything else until then). Nothing is downloaded meanwhile; the worker keeps
	 * the key so a reload still finds who is signed in, and set-up follows the change.
	 */
	async holdForPasswordChange(): Promise<void> {
		await values.signInRequired.remove();
		this.#settle('open');
	}

	async setUp(passphrase: string, idleMinutes: number, withPasskey: boolean): Promise<void> {
		const user = await userValue.get();
		const secret = withPasskey ? await passkey.createPasskey(user?.username ?? 'officer') : null;
		await unlock.setUpUnlock(passphrase, secret ?? undefined);
		await unlock.setLockPolicy({ ...this.#policy, idleMinutes });
		this.#policy = await unlock.lockPolicy();
		this.#hasPasskey = secret !== null;
		this.#settle('open');
	}

	async unlockWithPassphrase(passphrase: string): Promise<boolean> {
		// Measured by `npm run bench:caseload`: unlock to the first caseload rows.
		performance.mark('fc:unlock:start');
		return this.#outcome(await unlock.unlockWithPassphrase(passphrase));
	}

	async unlockWithPasskey(): Promise<boolean> {
		const pk = await unlock.passkeyOf();
		if (!pk) return false;
		const output = await passkey.prfOutput(pk.credentialId, pk.prfSalt);
		return this.#outcome(await unlock.unlockWithPrf(output));
	}

	#outcome(o: unlock.UnlockOutcome): boolean {
		if (o.ok) {
			performance.mark('fc:unlock:key');
			this.#remaining = 5;
			this.#settle('open');
			void queueLockEvents().catch(() => undefined);
			return true;
		}
		this.#remaining = o.remaining;
		if (o.wiped) {
			this.#state = 'wiped';
			// Best effort: the server session ends too, so only a password opens the device.
			void request('/api/auth/logout', z.unknown(), { method: 'POST' }).catch(() => undefined);
		}
		return false;
	}

	/**
	 * Only a device set up with a way to unlock can lock. A station screen (supervisor,
	 * administrator) stores nothing it cannot fetch again: it is protected by the server
	 * session's idle timeout instead, and a reload would only throw away a plan being drawn up.
	 */
	async lockNow(): Promise<void> {
		if (this.#state !== 'open' || !(await unlock.unlockRecord())) return;
		// Locking from this moment: the screen hides the caseload at once, and a worker that takes
		// over while the others are told to forget is not handed the key (followWorkerChanges).
		// Not 'locked': its unlock form would race the reload below.
		this.#state = 'locking';
		await unlock.recordLockEvent('lock').catch(() => undefined);
		await handoff.forget();
		keyring.drop();
		location.reload();
	}

	/** Re-checks expiry (after a sync, and every minute). */
	async checkExpiry(): Promise<void> {
		this.#expired = this.#state === 'open' && (await unlock.isExpired());
	}

	#settle(state: LockState): LockState {
		this.#state = state;
		const key = keyring.current();
		if (state === 'open' && key) void handoff.handOver(key, this.#ttlMs());
		if (state === 'open') void this.checkExpiry();
		return state;
	}

	#ttlMs(): number {
		return this.#policy.idleMinutes * 60_000;
	}

	/** Locks after the idle time without input, or when back after being hidden that long. */
	watchIdle(): () => void {
		const active = () => {
			const now = Date.now();
			// The worker keeps the key as long as the officer is active; told at most once a minute.
			if (this.#state === 'open' && now - this.#lastActivity > 60_000) {
				void handoff.touch(this.#ttlMs());
			}
			this.#lastActivity = now;
		};
		const idle = () => Date.now() - this.#lastActivity >= this.#ttlMs();
		const tick = setInterval(() => {
			if (this.#state === 'open' && idle()) void this.lockNow();
			void this.checkExpiry();
		}, 15_000);
		const visibility = () => {
			if (document.visibilityState === 'hidden') this.#hiddenAt = Date.now();
			else if (this.#hiddenAt !== null && Date.now() - this.#hiddenAt >= this.#ttlMs()) {
				void this.lockNow();
			}
		};
		// Revoked: the device has wiped itself; reload so nothing decrypted stays in memory.
		const stopRevoked = onDeviceRevoked(() => location.reload());
		const stopFollowing = handoff.followWorkerChanges(() => {
			const key = keyring.current();
			return this.#state === 'open' && key ? { key, ttlMs: this.#ttlMs() } : null;
		});
		for (const e of ACTIVITY) addEventListener(e, active, { passive: true });
		document.addEventListener('visibilitychange', visibility);
		return () => {
			clearInterval(tick);
			stopRevoked();
			stopFollowing();
			for (const e of ACTIVITY) removeEventListener(e, active);
			document.removeEventListener('visibilitychange', visibility);
		};
	}
}

function isPasswordChange(e: unknown): boolean {
	return (
		e instanceof ApiError &&
		e.problem.kind === 'rejected' &&
		e.problem.code === 'password-change-required'
	);
}

export const deviceLock = new DeviceLock();
