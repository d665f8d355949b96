import type { SubjectBundle } from '$lib/domain/caseload';
import type { Condition } from '$lib/domain/condition';
import type { Order } from '$lib/domain/order';
import type { Address, RiskLevel } from '$lib/domain/subject';

/** Synthetic subjects for the map's unit tests. */
let n = 0;
const id = () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;

export function testAddress(subjectId: string, kind: Address['kind'], lat: number, lon: number) {
	return {
		id: id(),
		subjectId,
		kind,
		lines: [`${n} Example Road`],
		town: 'Bedford',
		postcode: 'MK40 1AA',
		location: { lat, lon },
		accessNotes: ''
	} satisfies Address;
}

export function testBundle(
	opts: {
		risk?: RiskLevel;
		wanted?: boolean;
		addresses?: (subjectId: string) => Address[];
		conditions?: (addresses: Address[]) => Condition[];
		order?: Partial<Order>;
	} = {}
): SubjectBundle {
	const subjectId = id();
	const addresses = opts.addresses?.(subjectId) ?? [testAddress(subjectId, 'home', 52.13, -0.46)];
	const order: Order = {
		id: id(),
		subjectId,
		type: 'DVPO',
		issuer: 'Bedford Magistrates’ Court',
		reference: 'BED-0001',
		startsAt: '2026-01-01T00:00:00Z',
		expiresAt: null,
		status: 'active',
		version: 1,
		conditions: opts.conditions?.(addresses) ?? [],
		...opts.order
	};
	return {
		subject: {
			id: subjectId,
			givenName: 'Sam',
			familyName: 'Example',
			aliases: [],
			dateOfBirth: '1990-01-01',
			photoUrl: null,
			risk: opts.risk ?? 'standard',
			warnings: [],
			wanted: opts.wanted ? { reason: 'Breach of bail', reference: 'WNT-1' } : null,
			updatedAt: '2026-11-01T00:00:00Z'
		},
		addresses,
		orders: [order],
		assignment: {
			id: id(),
			subjectId,
			officerId: id(),
			date: '2026-11-27',
			operation: null,
			priority: 1
		}
	};
}
