import { routeProgress, type RouteProgress } from '../route/next-stop';

/** After a visit: the next stop on the officer's route, if they planned one for this shift. */
export class RouteNext {
	progress = $state.raw<RouteProgress | null>(null);

	get next() {
		return this.progress?.next ?? null;
	}

	/** A current plan exists and every stop on it has been visited. */
	get finished(): boolean {
		return this.progress !== null && this.progress.next === null;
	}

	async load(): Promise<void> {
		this.progress = await routeProgress();
	}
}
