import type { LatLng } from '../../domain/common';
import type { Rng } from './prng';

/**
 * Real Bedfordshire towns (town-centre coordinates and postcode districts are public geography);
 * every street, house number and postcode unit built from them is invented.
 */

export const policeStations = {
	bedford: 'Bedford Police Station',
	luton: 'Luton Police Station',
	dunstable: 'Dunstable Police Station',
	biggleswade: 'Biggleswade Police Station'
} as const;

export interface Town {
	name: string;
	centre: LatLng;
	/** Homes are scattered uniformly within this distance of the centre. */
	radiusM: number;
	/** Postcode districts by compass bearing from the centre; null bearing = the centre itself. */
	districts: readonly (readonly [district: string, bearingDeg: number | null])[];
	/** Where someone living here would be told to report. */
	station: string;
	/** Relative share of the caseload, roughly by population. */
	weight: number;
}

const { bedford, luton, dunstable, biggleswade } = policeStations;

/** Ordered along a path through the county so neighbouring towns make neighbouring patches. */
export const towns: readonly Town[] = [
	{
		name: 'Leighton Buzzard',
		centre: { lat: 51.9165, lon: -0.6617 },
		radiusM: 1500,
		districts: [['LU7', null]],
		station: dunstable,
		weight: 7
	},
	{
		name: 'Dunstable',
		centre: { lat: 51.8859, lon: -0.5215 },
		radiusM: 1800,
		districts: [
			['LU6', null],
			['LU6', 180],
			['LU6', 270],
			['LU5', 0],
			['LU5', 90]
		],
		station: dunstable,
		weight: 8
	},
	{
		name: 'Houghton Regis',
		centre: { lat: 51.9047, lon: -0.5238 },
		radiusM: 1200,
		districts: [['LU5', null]],
		station: dunstable,
		weight: 4
	},
	{
		name: 'Luton',
		centre: { lat: 51.8787, lon: -0.42 },
		radiusM: 2500,
		districts: [
			['LU1', null],
			['LU1', 180],
			['LU2', 60],
			['LU2', 110],
			['LU3', 340],
			['LU4', 270]
		],
		station: luton,
		weight: 24
	},
	{
		name: 'Flitwick',
		centre: { lat: 52.0037, lon: -0.4964 },
		radiusM: 1000,
		districts: [['MK45', null]],
		station: bedford,
		weight: 3
	},
	{
		name: 'Ampthill',
		centre: { lat: 52.0266, lon: -0.4952 },
		radiusM: 800,
		districts: [['MK45', null]],
		station: bedford,
		weight: 2
	},
	{
		name: 'Kempston',
		centre: { lat: 52.116, lon: -0.5 },
		radiusM: 1500,
		districts: [['MK42', null]],
		station: bedford,
		weight: 5
	},
	{
		name: 'Bedford',
		centre: { lat: 52.1363, lon: -0.4675 },
		radiusM: 2500,
		districts: [
			['MK40', null],
			['MK40', 270],
			['MK41', 0],
			['MK41', 80],
			['MK42', 180]
		],
		station: bedford,
		weight: 22
	},
	{
		name: 'Sandy',
		centre: { lat: 52.131, lon: -0.2967 },
		radiusM: 1000,
		districts: [['SG19', null]],
		station: biggleswade,
		weight: 3
	},
	{
		name: 'Potton',
		centre: { lat: 52.1285, lon: -0.2155 },
		radiusM: 700,
		districts: [['SG19', null]],
		station: biggleswade,
		weight: 1
	},
	{
		name: 'Biggleswade',
		centre: { lat: 52.0866, lon: -0.2636 },
		radiusM: 1200,
		districts: [['SG18', null]],
		station: biggleswade,
		weight: 5
	},
	{
		name: 'Shefford',
		centre: { lat: 52.0392, lon: -0.334 },
		radiusM: 700,
		districts: [['SG17', null]],
		station: biggleswade,
		weight: 2
	}
];

const townWeights = towns.map((t) => [t, t.weight] as const);

export function pickTown(rng: Rng): Town {
	return rng.weighted(townWeights);
}

// prettier-ignore
export const streets = [
	'Orchard Way', 'Station Road', 'Church Street', 'Mill Lane', 'Victoria Road', 'Park Avenue',
	'Meadow Close', 'Willow Drive', 'Beech Grove', 'Oak Road', 'Elm Close', 'Ash Lane',
	'Chestnut Avenue', 'Hawthorn Way', 'Rowan Close', 'Maple Drive', 'Cedar Road', 'Linden Road',
	'Priory Close', 'Abbey Road', 'Kingsway', 'Queens Drive', 'Princes Street', 'George Street',
	'Union Street', 'Bridge Street', 'River View', 'Brook Lane', 'Spring Gardens', 'Green Lane',
	'Manor Road', 'Grange Road', 'Windmill Hill', 'Castle Road', 'Cromwell Road',
	'Nelson Street', 'Wellington Road', 'Garden Close', 'School Lane', 'Chapel Street',
	'Lark Rise', 'Kestrel Way', 'Heron Close', 'Swan Lane', 'Falcon Avenue', 'Partridge Close',
	'Sandringham Drive', 'Balmoral Close', 'Windsor Road', 'York Street', 'Lancaster Avenue',
	'Cavendish Road', 'Milton Road', 'Tennyson Avenue', 'Byron Close', 'Poplar Avenue',
	'Sycamore Road', 'Laburnum Grove', 'Holly Walk', 'Ivy Lane', 'Fairfield Road',
	'Highfield Road', 'Westfield Avenue', 'Southfield Way', 'Moor Lane', 'Hill Rise',
	'Foxglove Close', 'Bluebell Way'
] as const;

// prettier-ignore
export const flatBlocks = [
	'Beech Court', 'Riverside House', 'Regent Court', 'Kingfisher House', 'Alder Court',
	'Mill House', 'Victoria Court', 'Albany House', 'Carlton Court', 'Orchard House'
] as const;

// prettier-ignore
export const workplaces = [
	'Brookside Industrial Estate', 'Riverside Business Park', 'Greenfield Trading Estate',
	'Oakwood Business Centre', 'Meadow Lane Industrial Estate', 'Airfield Distribution Park'
] as const;

// Letters never used in the inward half of a UK postcode.
const INWARD_LETTERS = 'ABDEFGHJLNPQRSTUWXYZ';
const M_PER_DEG_LAT = 111_320;
const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

/** The point distanceM away on a compass bearing (flat-earth: fine over a few kilometres). */
export function offset(from: LatLng, distanceM: number, bearingRad: number): LatLng {
	const dLat = (distanceM * Math.cos(bearingRad)) / M_PER_DEG_LAT;
	const dLon =
		(distanceM * Math.sin(bearingRad)) / (M_PER_DEG_LAT * Math.cos((from.lat * Math.PI) / 180));
	return { lat: round6(from.lat + dLat), lon: round6(from.lon + dLon) };
}

/** Uniform over the disc (sqrt keeps homes from bunching at the centre). */
export function pointNear(rng: Rng, centre: LatLng, radiusM: number): LatLng {
	return offset(centre, radiusM * Math.sqrt(rng.next()), rng.next() * 2 * Math.PI);
}

export function distanceM(a: LatLng, b: LatLng): number {
	const dy = (b.lat - a.lat) * M_PER_DEG_LAT;
	const dx = (b.lon - a.lon) * M_PER_DEG_LAT * Math.cos((a.lat * Math.PI) / 180);
	return Math.hypot(dx, dy);
}

function bearingDeg(from: LatLng, to: LatLng): number {
	const dy = to.lat - from.lat;
	const dx = (to.lon - from.lon) * Math.cos((from.lat * Math.PI) / 180);
	return ((Math.atan2(dx, dy) * 180) / Math.PI + 360) % 360;
}

/** The district whose side of town the point lies on, so a north Bedford home gets MK41. */
export function districtFor(town: Town, at: LatLng): string {
	const first = town.districts[0];
	if (!first) throw new Error(`${town.name} has no postcode districts`);
	const central = town.districts.find(([, b]) => b === null);
	if (central && distanceM(town.centre, at) < town.radiusM * 0.3) return central[0];
	const bearing = bearingDeg(town.centre, at);
	let best = first;
	let bestGap = Infinity;
	for (const entry of town.districts) {
		if (entry[1] === null) continue;
		const raw = Math.abs(entry[1] - bearing);
		const gap = Math.min(raw, 360 - raw);
		if (gap < bestGap) [best, bestGap] = [entry, gap];
	}
	return best[0];
}

/** A plausible (invented) full postcode, e.g. MK40 3TQ. */
export function postcode(rng: Rng, town: Town, at: LatLng): string {
	const inward = String(rng.int(1, 9)) + rng.code(1, INWARD_LETTERS) + rng.code(1, INWARD_LETTERS);
	return `${districtFor(town, at)} ${inward}`;
}

/** A star-shaped ring around the town centre: simple (never self-crossing) by construction. */
export function townCentreRing(rng: Rng, town: Town): LatLng[] {
	const centre = pointNear(rng, town.centre, 150);
	const n = rng.int(4, 8);
	const step = (2 * Math.PI) / n;
	const start = rng.next() * step;
	const ring: LatLng[] = [];
	for (let i = 0; i < n; i++) {
		const bearing = start + i * step + rng.float(-0.3, 0.3) * step;
		ring.push(offset(centre, rng.int(300, 700), bearing));
	}
	return ring;
}
