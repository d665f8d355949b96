import { tick } from 'svelte';

/**
 * Start-up's order of work: the page the officer opens first draws its first screen of data,
 * then start-up's background work (the stored-values check, the first sync, the storage
 * request) begins. Run side by side, that work's reads, decryptions and module loads held up
 * the first caseload rows by about half (profiled in `npm run bench:caseload`).
 */
export class FirstScreen {
	#held = false;
	#shown = false;
	#release: () => void = () => undefined;
	readonly #done = new Promise<void>((resolve) => (this.#release = resolve));

	/** A page whose first screen is worth waiting for says so while it is set up. */
	hold(): void {
		if (!this.#shown) this.#held = true;
	}

	/** The first screen is drawn (or the page has given up on it). */
	shown(): void {
		this.#shown = true;
		this.#release();
	}

	/**
	 * Resolves once the first screen is drawn: at once when no page holds it, and after at
	 * most `capMs` in any case, so that a page that never draws cannot hold up the sync.
	 */
	async settled(capMs = 1000): Promise<void> {
		// Pending updates first: a page being set up in them says whether it holds the screen.
		await tick();
		if (!this.#held || this.#shown) return;
		let timer: ReturnType<typeof setTimeout> | undefined;
		const cap = new Promise<void>((resolve) => (timer = setTimeout(resolve, capMs)));
		await Promise.race([this.#done, cap]);
		clearTimeout(timer);
	}
}

export const firstScreen = new FirstScreen();
