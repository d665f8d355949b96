import { registerServiceWorker } from '../pwa/register';

/** Whether a new version of the app is waiting for the officer's go-ahead. */
class AppUpdate {
	available = $state(false);
	#apply: (() => void) | null = null;

	async start(): Promise<void> {
		await registerServiceWorker({
			onUpdateWaiting: (apply) => {
				this.#apply = apply;
				this.available = true;
			}
		});
	}

	apply(): void {
		this.#apply?.();
	}
}

export const appUpdate = new AppUpdate();
