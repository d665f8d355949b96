import type { Condition } from '../../domain/condition';
import { orderTypes, type Order, type OrderStatus, type OrderType } from '../../domain/order';
import * as conditions from './conditions';
import { DAY_MS, HOUR_MS, MINUTE_MS, instant } from './dates';
import type { Rng } from './prng';

type Lifecycle = 'active' | 'expiring' | 'expired' | 'varied' | 'discharged';

export interface OrderContext extends conditions.ConditionContext {
	subjectId: string;
	/** Midnight UTC of the day of action. */
	today: number;
	/** The subject's index while it is among the first SHOWCASE_SIZE, else null. */
	showcase: number | null;
}

/**
 * The first subjects are a showcase, so that even a small demo caseload shows everything: the
 * first nine take each order type in turn with every optional condition included, and the next
 * four have an order that is expiring, expired, varied and discharged.
 */
const showcaseLifecycles = ['expiring', 'expired', 'varied', 'discharged'] as const;
export const SHOWCASE_SIZE = orderTypes.length + showcaseLifecycles.length;

/** How the subject's first order stands; null leaves it to chance. */
export function showcaseLife(showcase: number | null): Lifecycle | null {
	if (showcase === null) return null;
	return showcase < orderTypes.length
		? 'active'
		: (showcaseLifecycles[showcase - orderTypes.length] ?? null);
}

const showsAllConditions = (showcase: number | null) =>
	showcase !== null && showcase < orderTypes.length;

const typeWeights = [
	['DVPN', 5],
	['DVPO', 14],
	['DAPN', 4],
	['DAPO', 14],
	['non-molestation', 16],
	['restraining', 14],
	['stalking-protection', 6],
	['pre-charge-bail', 15],
	['court-bail', 12]
] as const satisfies readonly (readonly [OrderType, number])[];

const isNotice = (t: OrderType) => t === 'DVPN' || t === 'DAPN';

const ordersProper = typeWeights.filter(([t]) => !isNotice(t));

export function pickOrderTypes(rng: Rng, showcase: number | null): OrderType[] {
	let first: OrderType;
	if (showcase === null) first = rng.weighted(typeWeights);
	else if (showcase < orderTypes.length) first = orderTypes[showcase]!;
	// Notices can be neither varied nor discharged.
	else first = rng.weighted(ordersProper);
	if (!rng.chance(0.35)) return [first];
	// A second order of the same kind would be a variation, and a second notice is rare.
	return [first, rng.weighted(ordersProper.filter(([t]) => t !== first))];
}

const lifecycles = [
	['active', 72],
	['expiring', 10],
	['expired', 7],
	['varied', 6],
	['discharged', 5]
] as const satisfies readonly (readonly [Lifecycle, number])[];

// Notices last 48 hours, so every live one is already about to expire; they are never varied.
const noticeLifecycles = [
	['active', 80],
	['expired', 20]
] as const satisfies readonly (readonly [Lifecycle, number])[];

const statusOf: Record<Lifecycle, OrderStatus> = {
	active: 'active',
	expiring: 'active',
	expired: 'expired',
	varied: 'varied',
	discharged: 'discharged'
};

/** Length in days; null runs until further order. */
function termDays(rng: Rng, type: OrderType): number | null {
	switch (type) {
		case 'DVPN':
		case 'DAPN':
			return 2;
		case 'DVPO':
			return rng.int(14, 28);
		case 'DAPO':
			return rng.chance(0.6) ? null : rng.int(180, 730);
		case 'non-molestation':
			return rng.chance(0.15) ? null : rng.pick([182, 365]);
		case 'restraining':
			return rng.chance(0.35) ? null : rng.pick([365, 730, 1095, 1825]);
		case 'stalking-protection':
			// The statutory minimum is two years.
			return rng.chance(0.3) ? null : rng.pick([730, 1095]);
		case 'pre-charge-bail':
			return 90;
		case 'court-bail':
			// Until the next hearing.
			return rng.int(14, 56);
	}
}

/** Start and expiry relative to today; an order in force started at least a day ago. */
function schedule(rng: Rng, type: OrderType, life: Lifecycle, today: number) {
	let days = termDays(rng, type);
	const hour = isNotice(type) ? rng.int(0, 23) : rng.int(9, 16);
	const time = hour * HOUR_MS + rng.pick([0, 15, 30, 45]) * MINUTE_MS;
	if (days === null && (life === 'expiring' || life === 'expired')) days = rng.int(180, 365);
	let startDay: number;
	if (days === null) startDay = -rng.int(7, 540);
	else if (life === 'expired') startDay = -days - rng.int(1, 30);
	// Expires between later today and five days from now.
	else if (life === 'expiring') startDay = rng.int(0, Math.min(5, days - 1)) - days;
	else startDay = -rng.int(life === 'varied' ? Math.min(3, days - 1) : 1, days - 1);
	const startsAt = today + startDay * DAY_MS + time;
	return { startsAt, expiresAt: days === null ? null : startsAt + days * DAY_MS };
}

const POLICE = 'Bedfordshire Police';
const magistrates = ["Luton Magistrates' Court", "Bedford Magistrates' Court"] as const;
const familyCourts = ['Family Court at Bedford', 'Family Court at Luton'] as const;
const CROWN = 'Luton Crown Court';

/** Who made the order, and a reference in that body's style. */
function issuerAndReference(rng: Rng, type: OrderType, startsAt: number): [string, string] {
	const year = new Date(startsAt).getUTCFullYear();
	const yy = String(year).slice(2);
	const magistratesRef = (): [string, string] => [
		rng.pick(magistrates),
		`MC-${yy}-${rng.digits(6)}`
	];
	const crownRef = (): [string, string] => [CROWN, `T${year}${rng.digits(4)}`];
	const familyRef = (): [string, string] => {
		const court = rng.pick(familyCourts);
		return [court, `${court.endsWith('Luton') ? 'LU' : 'BD'}${yy}F${rng.digits(5)}`];
	};
	switch (type) {
		case 'DVPN':
		case 'DAPN':
			return [POLICE, `${type}-${yy}-${rng.digits(5)}`];
		case 'pre-charge-bail':
			return [POLICE, `CUST-${yy}-${rng.digits(6)}`];
		case 'non-molestation':
			return familyRef();
		case 'DAPO':
			return rng.chance(0.6) ? familyRef() : magistratesRef();
		case 'restraining':
		case 'court-bail':
			return rng.chance(0.4) ? crownRef() : magistratesRef();
		case 'DVPO':
		case 'stalking-protection':
			return magistratesRef();
	}
}

const shapeWeights = [
	['circle', 50],
	['polygon', 20],
	['named', 30]
] as const satisfies readonly (readonly [conditions.ZoneShape, number])[];
const showcaseShapes = ['circle', 'polygon', 'named'] as const;

function conditionsFor(c: OrderContext, type: OrderType, party: conditions.ProtectedParty) {
	const { rng, showcase } = c;
	const all = showsAllConditions(showcase);
	const maybe = (p: number) => all || rng.chance(p);
	const zone = () => {
		const shape = all ? showcaseShapes[showcase! % 3]! : rng.weighted(shapeWeights);
		return conditions.exclusion(c, party, shape);
	};
	const out: Condition[] = [conditions.noContact(c, party)];
	switch (type) {
		case 'DVPN':
		case 'DAPN':
			out.push(conditions.exclusion(c, party, 'circle'));
			break;
		case 'DVPO':
			out.push(zone());
			if (maybe(0.3)) out.push(conditions.other(c, 'violence'));
			break;
		case 'DAPO': {
			const zoned = maybe(0.7);
			if (zoned) out.push(zone());
			out.push(conditions.requirement(c, 'notify'));
			if (maybe(0.6)) out.push(conditions.requirement(c, 'programme'));
			if (maybe(0.2)) out.push(conditions.requirement(c, 'assessment'));
			if (maybe(0.2)) out.push(conditions.monitoring(c, zoned ? 'gps-tag' : 'alcohol-tag'));
			break;
		}
		case 'non-molestation':
			out.push(conditions.other(c, 'violence'));
			if (maybe(0.5)) out.push(zone());
			if (maybe(0.3)) out.push(conditions.other(c, 'property'));
			break;
		case 'restraining':
			out.push(zone());
			if (maybe(0.3)) out.push(conditions.other(c, 'socialMedia'));
			break;
		case 'stalking-protection':
			out.push(conditions.other(c, 'socialMedia'));
			if (maybe(0.6)) out.push(zone());
			if (maybe(0.5)) out.push(conditions.requirement(c, 'stalking'));
			break;
		case 'pre-charge-bail':
			out.push(conditions.residence(c));
			if (maybe(0.6)) out.push(zone());
			if (maybe(0.4)) out.push(conditions.reporting(c));
			if (maybe(0.3)) out.push(conditions.curfew(c));
			break;
		case 'court-bail':
			out.push(conditions.residence(c), conditions.curfew(c));
			if (maybe(0.5)) out.push(conditions.monitoring(c, 'curfew-tag'));
			if (maybe(0.4)) out.push(conditions.reporting(c));
			if (maybe(0.4)) out.push(zone());
			if (maybe(0.15)) out.push(conditions.other(c, rng.pick(['passport', 'knives', 'alcohol'])));
			break;
	}
	return out;
}

export function buildOrder(
	c: OrderContext,
	type: OrderType,
	party: conditions.ProtectedParty,
	life: Lifecycle | null
): Order {
	const { rng } = c;
	const id = rng.uuid();
	life ??= rng.weighted(isNotice(type) ? noticeLifecycles : lifecycles);
	const { startsAt, expiresAt } = schedule(rng, type, life, c.today);
	const [issuer, reference] = issuerAndReference(rng, type, startsAt);
	return {
		id,
		subjectId: c.subjectId,
		type,
		issuer,
		reference,
		startsAt: instant(startsAt),
		expiresAt: expiresAt === null ? null : instant(expiresAt),
		status: statusOf[life],
		version: life === 'varied' ? rng.int(2, 4) : 1,
		conditions: conditionsFor(c, type, party)
	};
}
