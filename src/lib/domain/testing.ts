import type { VisitMutation } from './sync';
import type { Visit } from './visit';

/**
 * Builders for tests and benchmarks (server, client and integration alike): valid by default,
 * synthetic throughout. Types only, so any layer may import it.
 */

export function makeVisit({ id, ...over }: Partial<Visit> & Pick<Visit, 'id'>): Visit {
	return {
		id,
		subjectId: '00000000-0000-4000-8000-000000000001',
		addressId: '00000000-0000-4000-8000-000000000002',
		officerId: '00000000-0000-4000-8000-000000000003',
		secondOfficerId: null,
		startedAt: '2026-11-27T10:00:00.000Z',
		finishedAt: '2026-11-27T10:12:00.000Z',
		position: { lat: 52.136, lon: -0.467, accuracyM: 9, at: '2026-11-27T10:01:00.000Z' },
		positionState: 'recorded',
		result: 'seen',
		resultOther: null,
		checks: [],
		actions: {
			arrest: null,
			wordsOfAdvice: false,
			safeguardingReferral: null,
			intelligenceSubmitted: false,
			bodyWornVideoRef: null
		},
		notes: 'Spoke at the door; compliant.',
		photos: [],
		amends: null,
		...over
	};
}

export function makeMutation(seq: number, id: string, visit: Visit): VisitMutation {
	return { type: 'record-visit', seq, id, visit };
}

/** Deterministic UUID v4-shaped ids for tests: `uuid(7)` is always the same id. */
export function uuid(n: number, prefix = 'a'): string {
	const hex = n.toString(16).padStart(12, '0');
	return `${prefix.repeat(8)}-0000-4000-8000-${hex}`;
}
