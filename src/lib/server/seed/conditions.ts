import type { LatLng } from '../../domain/common';
import type { Condition, Zone } from '../../domain/condition';
import { addressText, type SubjectAddresses } from './addresses';
import * as places from './places';
import type { Rng } from './prng';

/**
 * Builders for each condition type, each with wording in the style a court or custody sergeant
 * uses. Protected premises are never described by address, only as "the protected premises".
 */

export interface ProtectedParty {
	/** Pseudonymous reference, e.g. PP-7K2Q9: the device never holds the victim's name. */
	ref: string;
	premises: LatLng;
}

export interface ConditionContext {
	rng: Rng;
	town: places.Town;
	addresses: SubjectAddresses;
}

export type ZoneShape = Zone['shape'];

export function protectedParty(rng: Rng, home: LatLng): ProtectedParty {
	// Far enough from the subject's home that a 500 m zone never covers it.
	const premises = places.offset(home, rng.int(800, 2500), rng.next() * 2 * Math.PI);
	return { ref: `PP-${rng.code(5)}`, premises };
}

export function noContact(c: ConditionContext, party: ProtectedParty): Condition {
	const directOnly = c.rng.chance(0.15);
	const wording = directOnly
		? `Not to contact the protected person (${party.ref}) directly by any means. Contact through a solicitor for the purpose of family proceedings is permitted`
		: `Not to contact the protected person (${party.ref}) directly or indirectly, by any means, including by telephone, text message, email, social media or through any third party`;
	return {
		id: c.rng.uuid(),
		wording,
		type: 'no-contact',
		protectedPersonRef: party.ref,
		direct: true,
		indirect: !directOnly
	};
}

export function exclusion(c: ConditionContext, party: ProtectedParty, shape: ZoneShape): Condition {
	const { rng } = c;
	const id = rng.uuid();
	if (shape === 'circle') {
		const radiusM = rng.pick([200, 250, 300, 400, 500]);
		return {
			id,
			wording: `Not to enter the area within ${radiusM} metres of the protected premises, as shown on the attached map`,
			type: 'exclusion-zone',
			label: 'Protected premises',
			zone: { shape: 'circle', center: party.premises, radiusM },
			protectedPremises: true
		};
	}
	if (shape === 'polygon') {
		const [a, b, d] = rng.sample(places.streets, 3);
		return {
			id,
			wording: `Not to enter the area of ${c.town.name} town centre bounded by ${a}, ${b} and ${d}, as shown edged red on the attached map`,
			type: 'exclusion-zone',
			label: `${c.town.name} town centre`,
			zone: { shape: 'polygon', rings: [places.townCentreRing(rng, c.town)] },
			protectedPremises: false
		};
	}
	if (rng.chance(0.3)) {
		return {
			id,
			wording:
				'Not to go to the protected premises or enter the street in which they stand, save by prior arrangement through solicitors to collect belongings',
			type: 'exclusion-zone',
			label: 'Protected premises',
			zone: {
				shape: 'named',
				description: 'Protected premises and the street in which they stand'
			},
			protectedPremises: true
		};
	}
	const street = `${rng.pick(places.streets)}, ${c.town.name}`;
	return {
		id,
		wording: `Not to enter ${street} along its whole length`,
		type: 'exclusion-zone',
		label: street,
		zone: { shape: 'named', description: `${street} (whole length)` },
		protectedPremises: false
	};
}

const dayNames = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

function list(items: readonly string[]): string {
	if (items.length < 2) return items.join('');
	return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function dayList(days: readonly number[]): string {
	return list(days.map((d) => dayNames[d - 1] ?? '?'));
}

/** Most curfews run across midnight; days are those on which the window starts. */
type CurfewPattern = readonly [start: string, end: string, days: readonly number[] | null];
const curfewPatterns: readonly (readonly [CurfewPattern, number])[] = [
	[['19:00', '07:00', null], 4],
	[['21:00', '06:00', null], 3],
	[['20:00', '06:00', null], 2],
	[['21:00', '06:00', [5, 6]], 2],
	[['22:00', '06:00', [1, 2, 3, 4, 5]], 1],
	[['19:00', '07:00', [5, 6, 7]], 1]
];

export function curfew(c: ConditionContext): Condition {
	const { rng } = c;
	const [start, end, days] = rng.weighted(curfewPatterns);
	const when = days === null ? 'each night' : `on ${dayList(days)} nights`;
	const doorstep = rng.chance(0.5)
		? ', and to present at the front door when a police officer calls to check the curfew'
		: '';
	return {
		id: rng.uuid(),
		wording: `To remain at ${addressText(c.addresses.curfew)} between ${start} and ${end} ${when}${doorstep}`,
		type: 'curfew',
		addressId: c.addresses.curfew.id,
		start,
		end,
		days: days === null ? null : [...days]
	};
}

export function residence(c: ConditionContext): Condition {
	return {
		id: c.rng.uuid(),
		wording: `To live and sleep each night at ${addressText(c.addresses.residence)}`,
		type: 'residence',
		addressId: c.addresses.residence.id
	};
}

const reportingDays = [[1, 3, 5], [2, 5], [1, 2, 3, 4, 5, 6, 7], [6], [1], [1, 4]] as const;
const reportingWindows = [
	['10:00', '12:00'],
	['09:00', '17:00'],
	['14:00', '16:00'],
	['18:00', '20:00']
] as const;

export function reporting(c: ConditionContext): Condition {
	const { rng } = c;
	const days = rng.pick(reportingDays);
	const [from, until] = rng.pick(reportingWindows);
	const when = days.length === 7 ? 'every day' : `every ${dayList(days)}`;
	return {
		id: rng.uuid(),
		wording: `To report to ${c.town.station} ${when} between ${from} and ${until}`,
		type: 'reporting',
		station: c.town.station,
		days: [...days],
		from,
		until
	};
}

const monitoringWording = {
	'curfew-tag':
		'To wear an electronic tag so that the curfew can be monitored, and to allow the monitoring company access to fit and check the equipment',
	'gps-tag':
		'To wear a location-monitoring (GPS) tag for the duration of the order so that compliance with the exclusion zone can be monitored',
	'alcohol-tag':
		'Not to drink alcohol and to wear an alcohol-monitoring tag for 90 days from the date of this order'
} as const;

export function monitoring(c: ConditionContext, kind: keyof typeof monitoringWording): Condition {
	return {
		id: c.rng.uuid(),
		wording: monitoringWording[kind],
		type: 'electronic-monitoring',
		kind
	};
}

/** [what the app shows, what the order says]. */
export const requirements = {
	notify: [
		'Notify police of any change of name or address within 3 days',
		'To notify Bedfordshire Police of any change of name or home address within 3 days of the change, in person at a police station'
	],
	programme: [
		'Attend and complete a behaviour-change programme',
		'To attend and complete a domestic abuse behaviour-change programme as directed by the programme provider'
	],
	assessment: [
		'Attend a drug and alcohol assessment',
		'To attend an assessment for drug and alcohol treatment at a time and place notified in writing'
	],
	stalking: [
		'Engage with a stalking intervention programme',
		'To attend and engage with a stalking intervention programme as directed by the responsible officer'
	]
} as const;

export function requirement(c: ConditionContext, which: keyof typeof requirements): Condition {
	const [short, wording] = requirements[which];
	return { id: c.rng.uuid(), wording, type: 'positive-requirement', requirement: short };
}

export const otherWordings = {
	violence:
		'Not to use or threaten violence against the protected person, and not to instruct, encourage or in any way suggest that any other person should do so',
	socialMedia:
		'Not to post, publish or share any material about the protected person on any social media platform',
	knives: 'Not to carry any knife or bladed article in a public place',
	passport:
		'To surrender any passport held to Bedfordshire Police within 24 hours and not to apply for any international travel document',
	property: 'Not to damage, or threaten to damage, any property belonging to the protected person',
	alcohol: 'Not to drink alcohol in any public place'
} as const;

export function other(c: ConditionContext, which: keyof typeof otherWordings): Condition {
	return { id: c.rng.uuid(), wording: otherWordings[which], type: 'other' };
}
