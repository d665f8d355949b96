import { routeProgress, type RouteProgress } from '../route/next-stop';
import { Live } from './live.svelte';

/** After a visit: the next stop on the officer's route, if they planned one for this shift. */
export class RouteNext {
	readonly #live = new Live<RouteProgress | null>(() => routeProgress(), null);

	get progress(): RouteProgress | null {
		return this.#live.current;
	}

	get next() {
		return this.progress?.next ?? null;
	}

	/** A current plan exists and every stop on it has been visited. */
	get finished(): boolean {
		return this.progress !== null && this.progress.next === null;
	}
}
