import { toPositionFix, type PositionFix } from '../media/position';

export type MapPositionState = 'off' | 'locating' | 'on' | 'denied' | 'unavailable';

/**
 * The officer's own position while the map is open, from watchPosition. A refusal clears what
 * was known, so an old fix is never shown as if it were current; a passing loss of signal keeps
 * the last fix (with its accuracy circle) until a new one arrives.
 */
export class MapPosition {
	fix = $state<PositionFix | null>(null);
	state = $state<MapPositionState>('off');
	#watch: number | null = null;

	start(): void {
		if (this.#watch !== null) return;
		if (typeof navigator === 'undefined' || !('geolocation' in navigator)) {
			this.state = 'unavailable';
			return;
		}
		this.state = 'locating';
		this.#watch = navigator.geolocation.watchPosition(
			(p) => {
				this.fix = toPositionFix(p);
				this.state = 'on';
			},
			(err) => {
				if (err.code === err.PERMISSION_DENIED) {
					this.fix = null;
					this.state = 'denied';
					this.stop();
				} else if (this.fix === null) {
					this.state = 'unavailable';
				}
			},
			{ enableHighAccuracy: true, maximumAge: 10_000, timeout: 30_000 }
		);
	}

	stop(): void {
		if (this.#watch !== null) navigator.geolocation.clearWatch(this.#watch);
		this.#watch = null;
		if (this.state !== 'denied') this.state = 'off';
	}
}
