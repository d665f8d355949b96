/**
 * Synthetic multi-crew instances around Bedfordshire's towns, for the tests and `bench:route`.
 * Not used by the app. Stops cluster around towns the way a caseload does; some get curfew
 * windows, a few are wanted (priority 1).
 */
import type { Crew, CrewStop, MultiCrewProblem } from './multi-crew';
import { mulberry32, type Random } from './prng';

export const BEDFORDSHIRE_TOWNS = [
	{ name: 'bedford', lat: 52.136, lng: -0.467 },
	{ name: 'luton', lat: 51.879, lng: -0.417 },
	{ name: 'dunstable', lat: 51.886, lng: -0.521 },
	{ name: 'leighton-buzzard', lat: 51.917, lng: -0.659 },
	{ name: 'biggleswade', lat: 52.086, lng: -0.264 },
	{ name: 'sandy', lat: 52.131, lng: -0.297 },
	{ name: 'flitwick', lat: 52.004, lng: -0.496 },
	{ name: 'kempston', lat: 52.116, lng: -0.5 }
] as const;

/** A police station crews leave from and return to (Bedford). */
export const STATION = { lat: 52.1359, lng: -0.4667 };

export interface CrewInstanceOptions {
	/** Towns stops cluster around (default all); fewer towns make a more clustered instance. */
	towns?: number;
	/** Share of stops with a curfew window (default 0.3). */
	windowShare?: number;
	shiftMinutes?: number;
	serviceMinutes?: number;
	/** Stops pinned to a random crew (default 0). */
	pins?: number;
}

/** Normal deviate (Box-Muller), in units of `sd`. */
function gaussian(random: Random, sd: number): number {
	const u = Math.max(random(), 1e-12);
	return sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

export function bedfordshireCrewProblem(
	seed: number,
	stops: number,
	crews: number,
	options: CrewInstanceOptions = {}
): MultiCrewProblem {
	const random = mulberry32(seed);
	const towns = BEDFORDSHIRE_TOWNS.slice(0, options.towns ?? BEDFORDSHIRE_TOWNS.length);
	const shiftMinutes = options.shiftMinutes ?? 8 * 60;
	const crewList: Crew[] = Array.from({ length: crews }, (_, k) => ({
		id: `crew-${k + 1}`,
		start: STATION,
		shiftMinutes
	}));
	const stopList: CrewStop[] = Array.from({ length: stops }, (_, i) => {
		const town = towns[Math.floor(random() * towns.length)]!;
		const stop: CrewStop = {
			id: `${town.name}-${String(i + 1).padStart(2, '0')}`,
			lat: town.lat + gaussian(random, 0.012),
			lng: town.lng + gaussian(random, 0.018),
			serviceMinutes: options.serviceMinutes ?? 15,
			priority: random() < 0.15 ? 1 : random() < 0.3 ? 0.6 : 0
		};
		if (random() < (options.windowShare ?? 0.3)) {
			// A curfew check: an hour's window somewhere in the shift.
			const open = Math.floor(random() * (shiftMinutes - 120));
			stop.window = { open, close: open + 60 };
		}
		return stop;
	});
	for (let p = 0; p < (options.pins ?? 0) && p < stops; p++) {
		stopList[p]!.pinnedCrew = crewList[Math.floor(random() * crews)]!.id;
	}
	return { crews: crewList, stops: stopList };
}
