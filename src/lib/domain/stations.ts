import { z } from 'zod';
import type { LatLng } from './common';

/**
 * Bedfordshire police stations a patrol may start or end at. Names and approximate town-centre
 * positions are public geography; no people are named here.
 */
export interface PoliceStation {
	id: StationId;
	name: string;
	location: LatLng;
}

export const stationIds = [
	'bedford',
	'luton',
	'dunstable',
	'biggleswade',
	'leighton-buzzard',
	'ampthill'
] as const;
export const stationIdSchema = z.enum(stationIds);
export type StationId = z.infer<typeof stationIdSchema>;

export const policeStations: readonly PoliceStation[] = [
	{ id: 'bedford', name: 'Bedford Police Station', location: { lat: 52.1386, lon: -0.4713 } },
	{ id: 'luton', name: 'Luton Police Station', location: { lat: 51.8785, lon: -0.4224 } },
	{ id: 'dunstable', name: 'Dunstable Police Station', location: { lat: 51.8862, lon: -0.5252 } },
	{
		id: 'biggleswade',
		name: 'Biggleswade Police Station',
		location: { lat: 52.0858, lon: -0.2626 }
	},
	{
		id: 'leighton-buzzard',
		name: 'Leighton Buzzard Police Station',
		location: { lat: 51.9186, lon: -0.6588 }
	},
	{ id: 'ampthill', name: 'Ampthill Police Station', location: { lat: 52.0301, lon: -0.4962 } }
];

export function stationById(id: StationId): PoliceStation {
	const station = policeStations.find((s) => s.id === id);
	// Unreachable while stationIds and the list agree (route-plan-build.test.ts checks they do).
	if (!station) throw new RangeError(`unknown station ${id}`);
	return station;
}
