/**
 * The route the map draws: the contract between route planning (which fills it) and the map
 * (which draws a line through the stops in order, each with its number). Planning calls
 * `mapRoute.set(stops)`; nothing else is needed for the route to appear on /map.
 */
export interface MapRouteStop {
	lat: number;
	lon: number;
	/** What the stop's marker says: its place in the order, '1', '2'… */
	label: string;
	subjectId: string;
}

class MapRoute {
	#stops = $state.raw<readonly MapRouteStop[]>([]);

	get stops(): readonly MapRouteStop[] {
		return this.#stops;
	}

	set(stops: readonly MapRouteStop[]): void {
		this.#stops = [...stops];
	}

	clear(): void {
		this.#stops = [];
	}
}

export const mapRoute = new MapRoute();
