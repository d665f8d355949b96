import { quarantinedCount } from '../db/quarantine';
import { Live } from './live.svelte';

/**
 * Stored drafts and settings that this version can no longer read: moved aside at start-up
 * (never used, never deleted) and counted live, so the officer is told instead of the app failing.
 */
class KeptAside {
	readonly #count = new Live(quarantinedCount, 0, { afterFirstScreen: true });

	get count(): number {
		return this.#count.current;
	}

	/** Checks what is stored; the count follows by itself. */
	async check(): Promise<void> {
		const { quarantineInvalid } = await import('../db/quarantine-check');
		await quarantineInvalid();
	}
}

export const keptAside = new KeptAside();
