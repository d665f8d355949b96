import type { Address, AddressKind } from '../../domain/subject';
import * as places from './places';
import type { Rng } from './prng';

export interface SubjectAddresses {
	all: Address[];
	home: Address;
	/** Where a residence condition says the subject must live: the bail address if there is one. */
	residence: Address;
	/** Where a curfew is kept: a separate curfew address, else the residence. */
	curfew: Address;
}

const houseNotes = [
	'Ring bell twice',
	'Rear access via alleyway',
	'Doorbell camera fitted',
	'Side gate usually locked; knock at front',
	'Parking difficult; use the lay-by opposite',
	'Elderly parent also lives here'
] as const;

const dogNotes = [
	'Dog in rear garden',
	'Large dog on premises; request dog handler if entry needed',
	'Two dogs, usually shut in the kitchen'
] as const;

function residential(
	rng: Rng,
	subjectId: string,
	kind: AddressKind,
	town: places.Town,
	hasDog: boolean
): Address {
	const location = places.pointNear(rng, town.centre, town.radiusM);
	const street = rng.pick(places.streets);
	const flat = rng.chance(0.25) ? rng.int(1, 24) : null;
	let lines: string[];
	let accessNotes = '';
	if (flat === null) {
		lines = [`${rng.int(1, 140)} ${street}`];
		if (hasDog) accessNotes = rng.pick(dogNotes);
		else if (rng.chance(0.3)) accessNotes = rng.pick(houseNotes);
	} else {
		lines = rng.chance(0.5)
			? [`Flat ${flat}, ${rng.pick(places.flatBlocks)}`, street]
			: [`Flat ${flat}`, `${rng.int(1, 140)} ${street}`];
		if (rng.chance(0.5)) {
			accessNotes = rng.pick([
				`Flat ${flat}, side door`,
				`Flat ${flat} is on the ${rng.pick(['first', 'second', 'third'])} floor; no lift`,
				`Buzzer for flat ${flat} unreliable; call the housing officer for the entry code`
			]);
		}
	}
	const postcode = places.postcode(rng, town, location);
	return {
		id: rng.uuid(),
		subjectId,
		kind,
		lines,
		town: town.name,
		postcode,
		location,
		accessNotes
	};
}

function workplace(rng: Rng, subjectId: string): Address {
	const town = places.pickTown(rng);
	const location = places.pointNear(rng, town.centre, town.radiusM);
	return {
		id: rng.uuid(),
		subjectId,
		kind: 'workplace',
		lines: [`Unit ${rng.int(1, 40)}`, rng.pick(places.workplaces)],
		town: town.name,
		postcode: places.postcode(rng, town, location),
		location,
		accessNotes: rng.chance(0.5) ? 'Ask at reception; works shifts' : ''
	};
}

/** Bail and associated addresses are usually nearby, sometimes in another town (a parent's). */
function nearbyTown(rng: Rng, home: places.Town): places.Town {
	return rng.chance(0.7) ? home : places.pickTown(rng);
}

/**
 * One to three addresses: always a home; for someone on bail often a bail or curfew address;
 * then sometimes an associated address or workplace.
 */
export function buildAddresses(
	rng: Rng,
	subjectId: string,
	town: places.Town,
	opts: { onBail: boolean; hasDog: boolean }
): SubjectAddresses {
	const home = residential(rng, subjectId, 'home', town, opts.hasDog);
	const all = [home];
	let bail: Address | null = null;
	let curfew: Address | null = null;
	if (opts.onBail) {
		const kind = rng.weighted([
			['none', 35],
			['bail', 45],
			['curfew', 20]
		] as const);
		if (kind !== 'none') {
			const extra = residential(rng, subjectId, kind, nearbyTown(rng, town), false);
			if (kind === 'bail') bail = extra;
			else curfew = extra;
			all.push(extra);
		}
	}
	if (rng.chance(0.2))
		all.push(residential(rng, subjectId, 'associated', nearbyTown(rng, town), false));
	if (all.length < 3 && rng.chance(0.15)) all.push(workplace(rng, subjectId));
	const residence = bail ?? home;
	return { all, home, residence, curfew: curfew ?? residence };
}

/** An address as an order words it: "14 Orchard Way, Bedford". */
export function addressText(a: Address): string {
	return `${a.lines.join(', ')}, ${a.town}`;
}
