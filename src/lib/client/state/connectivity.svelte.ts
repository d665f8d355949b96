/** Whether the browser believes it has a network. Only a hint: a request is the real test. */
class Connectivity {
	#online = $state(typeof navigator === 'undefined' ? true : navigator.onLine);

	constructor() {
		if (typeof window === 'undefined') return;
		window.addEventListener('online', () => (this.#online = true));
		window.addEventListener('offline', () => (this.#online = false));
	}

	get online(): boolean {
		return this.#online;
	}
}

export const connectivity = new Connectivity();
