import type { Assignment } from '../../domain/assignment';
import type { Order, OrderType } from '../../domain/order';
import type { Team } from '../../domain/user';
import type { Address, RiskLevel, Subject, WarningMarker } from '../../domain/subject';
import { buildAddresses } from './addresses';
import { protectedParty } from './conditions';
import { DAY_MS, instant, isoDay, parseDay } from './dates';
import * as names from './names';
import { SHOWCASE_SIZE, buildOrder, pickOrderTypes, showcaseLife } from './orders';
import * as places from './places';
import { Rng, type Seed } from './prng';
import { demoUsers, type DemoUser } from './users';

/**
 * A synthetic Bedfordshire caseload for demos, tests and benchmarks. Pure and deterministic: the
 * same options give deep-equal output, ids included. Subject i draws from its own stream, so it
 * is the same person in a 60- and a 10,000-subject caseload; only the assignments change.
 */

export type { DemoUser } from './users';

export interface CaseloadOptions {
	seed: Seed;
	subjects: number;
	officers: number;
	/** The day of action, YYYY-MM-DD: orders expire and people age relative to it. */
	today: string;
	operation?: string | null;
}

export interface Caseload {
	team: Team;
	users: DemoUser[];
	subjects: Subject[];
	addresses: Address[];
	orders: Order[];
	assignments: Assignment[];
}

const riskWeights = [
	['high', 25],
	['medium', 45],
	['standard', 30]
] as const satisfies readonly (readonly [RiskLevel, number])[];

/** How often each marker is carried by a high-risk subject; lower risk scales these down. */
const markerRates: readonly (readonly [WarningMarker, number])[] = [
	['violence', 0.6],
	['weapons', 0.2],
	['firearms', 0.03],
	['drugs', 0.35],
	['mental-health', 0.2],
	['self-harm', 0.1],
	['escape-risk', 0.08],
	['contagious', 0.02],
	['dogs', 0.1],
	['ailment', 0.04]
];
const riskScale: Record<RiskLevel, number> = { high: 1, medium: 0.55, standard: 0.25 };

const breachOf: Record<OrderType, string> = {
	DVPN: 'Breach of DVPN',
	DVPO: 'Breach of DVPO',
	DAPN: 'Breach of DAPN',
	DAPO: 'Breach of DAPO',
	'non-molestation': 'Breach of non-molestation order',
	restraining: 'Breach of restraining order',
	'stalking-protection': 'Breach of stalking protection order',
	'pre-charge-bail': 'Breach of pre-charge bail conditions',
	'court-bail': 'Breach of court bail conditions'
};

const priorityWeights = {
	high: [
		[1, 40],
		[2, 60]
	],
	medium: [
		[2, 30],
		[3, 50],
		[4, 20]
	],
	standard: [
		[3, 30],
		[4, 40],
		[5, 30]
	]
} as const satisfies Record<RiskLevel, readonly (readonly [number, number])[]>;

interface Built {
	subject: Subject;
	addresses: Address[];
	orders: Order[];
	assignmentId: string;
	priority: number;
	townIndex: number;
	lon: number;
}

function buildSubject(rng: Rng, index: number, today: number): Built {
	const id = rng.uuid();
	const showcase = index < SHOWCASE_SIZE ? index : null;
	const name = names.personName(rng);
	const risk = rng.weighted(riskWeights);
	const warnings = markerRates
		.filter(([, rate]) => rng.chance(rate * riskScale[risk]))
		.map(([marker]) => marker);
	const types = pickOrderTypes(rng, showcase);
	const town = places.pickTown(rng);
	const addresses = buildAddresses(rng, id, town, {
		onBail: types.some((t) => t === 'pre-charge-bail' || t === 'court-bail'),
		hasDog: warnings.includes('dogs')
	});
	const first = protectedParty(rng, addresses.home.location);
	// Sometimes the second order protects someone else, e.g. a new partner.
	const second =
		types.length > 1 && rng.chance(0.15) ? protectedParty(rng, addresses.home.location) : first;
	const ctx = { rng, town, addresses, subjectId: id, today, showcase };
	const orders = types.map((t, j) =>
		buildOrder(ctx, t, j === 0 ? first : second, j === 0 ? showcaseLife(showcase) : null)
	);

	const wanted = rng.chance(0.08)
		? {
				reason: rng.weighted([
					[`${breachOf[types[0]!]} — arrest on sight`, 6],
					['Suspected assault on the protected person — arrest on sight', 2],
					['Failed to appear at court — warrant not backed for bail', 1]
				] as const),
				reference: `BD-${isoDay(today).slice(2, 4)}-${rng.digits(6)}`
			}
		: null;

	// Born between (age + 1) years and age years before today, so the age is exactly `age`.
	const age = rng.int(19, 65);
	const t = new Date(today);
	const floor = Date.UTC(t.getUTCFullYear() - age - 1, t.getUTCMonth(), t.getUTCDate());
	const dateOfBirth = isoDay(floor + rng.int(1, 364) * DAY_MS);

	const subject: Subject = {
		id,
		givenName: name.givenName,
		familyName: name.familyName,
		aliases: rng.chance(0.2) ? names.aliases(rng, name) : [],
		dateOfBirth,
		photoUrl: null,
		risk,
		warnings,
		wanted,
		updatedAt: instant(today - rng.int(1, 60) * DAY_MS + rng.int(0, 86_399) * 1000)
	};
	return {
		subject,
		addresses: addresses.all,
		orders,
		assignmentId: rng.uuid(),
		priority: wanted ? 1 : rng.weighted(priorityWeights[risk]),
		townIndex: places.towns.indexOf(town),
		lon: addresses.home.location.lon
	};
}

function checkCount(name: string, n: number, min: number, max: number): void {
	if (!Number.isInteger(n) || n < min || n > max) {
		throw new RangeError(`${name} must be a whole number from ${min} to ${max}, not ${n}`);
	}
}

export function generateCaseload(opts: CaseloadOptions): Caseload {
	checkCount('subjects', opts.subjects, 0, 1_000_000);
	// Collar numbers are four digits.
	checkCount('officers', opts.officers, 1, 8000);
	const today = parseDay(opts.today);
	const root = new Rng(opts.seed);
	const team: Team = { id: root.fork('team').uuid(), name: 'Demo domestic-abuse team' };
	const users = demoUsers(root.fork('users'), opts.officers, team.id);
	const officers = users.filter((u) => u.role === 'officer');

	const built: Built[] = [];
	for (let i = 0; i < opts.subjects; i++)
		built.push(buildSubject(root.fork(`subject/${i}`), i, today));

	// Each officer gets an even, contiguous patch: towns in order along the county, then west to east.
	const byPatch = built
		.map((b, i) => i)
		.sort((a, b) => {
			const x = built[a]!;
			const y = built[b]!;
			return x.townIndex - y.townIndex || x.lon - y.lon || a - b;
		});
	const officerOf = new Array<string>(built.length);
	byPatch.forEach((subjectIndex, rank) => {
		const officer = officers[Math.floor((rank * officers.length) / built.length)]!;
		officerOf[subjectIndex] = officer.id;
	});

	const operation = opts.operation === undefined ? 'Op Lantern' : opts.operation;
	return {
		team,
		users,
		subjects: built.map((b) => b.subject),
		addresses: built.flatMap((b) => b.addresses),
		orders: built.flatMap((b) => b.orders),
		assignments: built.map((b, i) => ({
			id: b.assignmentId,
			subjectId: b.subject.id,
			officerId: officerOf[i]!,
			date: opts.today,
			operation,
			priority: b.priority
		}))
	};
}
