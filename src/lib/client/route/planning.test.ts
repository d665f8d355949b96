// Must load before Dexie, which picks up the global indexedDB when it is first imported.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SubjectBundle } from '$lib/domain/caseload';
import { PROTOCOL_VERSION } from '$lib/domain/protocol';
import type { RoutePlan } from '$lib/domain/route-plan';
import { makeVisit } from '$lib/domain/testing';
import type { Visit } from '$lib/domain/visit';
// Test data only: the seed generator is pure and never reaches the browser bundle.
// eslint-disable-next-line no-restricted-imports
import { generateCaseload } from '$lib/server/seed/generate';
import { applyCaseloadPage } from '../db/caseload-store';
import { database, FieldcheckDatabase, useDatabase } from '../db/database';
import { finaliseVisit } from '../db/visits-store';
import { defaultChoice, loadCandidates } from './planning';
import { clearPlan, loadPlan, loadRouteConfig, savePlan } from './route-store';
import { greatCircle } from './travel';
import { unlockForTests } from '../db/crypto/testing';

const data = generateCaseload({ seed: 7, subjects: 6, officers: 1, today: '2026-11-27' });
const bundles: SubjectBundle[] = data.subjects.map((subject, i) => ({
	subject,
	addresses: data.addresses.filter((a) => a.subjectId === subject.id),
	orders: data.orders.filter((o) => o.subjectId === subject.id),
	assignment: {
		...data.assignments.find((a) => a.subjectId === subject.id)!,
		// The last subject is assigned for tomorrow.
		date: i === 5 ? '2026-11-28' : '2026-11-27'
	}
}));
const now = new Date('2026-11-27T17:00:00Z');

function visit(b: SubjectBundle, startedAt: string): Visit {
	return makeVisit({
		id: crypto.randomUUID(),
		subjectId: b.subject.id,
		addressId: b.addresses[0]!.id,
		officerId: b.assignment.officerId,
		startedAt,
		finishedAt: startedAt,
		position: null,
		positionState: 'denied',
		result: 'no-reply',
		notes: ''
	});
}

let db: FieldcheckDatabase;

beforeEach(async () => {
	await unlockForTests();
	db = new FieldcheckDatabase(`planning-test-${crypto.randomUUID()}`);
	useDatabase(db);
	await applyCaseloadPage({
		protocolVersion: PROTOCOL_VERSION,
		cursor: 'c1',
		serverTime: now.toISOString(),
		bundles,
		removed: { subjectIds: [], orderIds: [] },
		receipts: [],
		remaining: 0,
		hasMore: false
	});
	await finaliseVisit(visit(bundles[0]!, '2026-11-27T10:00:00Z'), 'A');
	await finaliseVisit(visit(bundles[1]!, '2026-11-26T23:30:00Z'), 'B');
});

afterEach(async () => {
	vi.unstubAllGlobals();
	await db.delete();
});

describe('choosing the stops', () => {
	it('defaults to today’s assigned subjects not yet visited today', async () => {
		const { candidates } = await loadCandidates(now);
		const id = (i: number) => bundles[i]!.subject.id;
		const byId = new Map(candidates.map((c) => [c.bundle.subject.id, c]));
		expect(byId.get(id(0))).toMatchObject({ visitedToday: true, assignedToday: true });
		expect(byId.get(id(1))).toMatchObject({ visitedToday: false, assignedToday: true });
		expect(byId.get(id(5))).toMatchObject({ visitedToday: false, assignedToday: false });
		expect(defaultChoice(candidates).sort()).toEqual([1, 2, 3, 4].map(id).sort());
	});

	it('chooses everyone not yet visited when no assignment is dated today', async () => {
		const { candidates } = await loadCandidates(new Date('2026-11-29T12:00:00Z'));
		expect(candidates.every((c) => !c.assignedToday && !c.visitedToday)).toBe(true);
		expect(defaultChoice(candidates)).toHaveLength(6);
	});
});

describe('keeping the plan on the device', () => {
	const points = [{ lat: 52.1386, lon: -0.4713 }, ...bundles.map((b) => b.addresses[0]!.location)];
	const plan: RoutePlan = {
		version: 1,
		shiftStart: now.toISOString(),
		shiftMin: 600,
		start: { label: 'Bedford Police Station', location: points[0]! },
		end: null,
		serviceMin: 15,
		priorityWeight: 100,
		stops: bundles.map((b) => ({
			subjectId: b.subject.id,
			addressId: b.addresses[0]!.id,
			name: b.subject.familyName,
			address: 'somewhere',
			location: b.addresses[0]!.location,
			risk: b.subject.risk,
			wanted: false,
			priority: 0,
			window: null,
			curfew: null
		})),
		order: [5, 4, 3, 2, 1, 0],
		pinned: [bundles[2]!.subject.id],
		travel: greatCircle(points, null),
		updatedAt: now.toISOString()
	};

	it('reads back what it saved, and nothing after it is cleared', async () => {
		await savePlan(plan);
		expect(await loadPlan()).toEqual(plan);
		await clearPlan();
		expect(await loadPlan()).toBeNull();
	});

	it('drops a damaged plan rather than showing it', async () => {
		await database().meta.put({ key: 'routePlan', value: { ...plan, order: [0, 0, 0, 0, 0, 0] } });
		expect(await loadPlan()).toBeNull();
	});

	it('refuses to save a plan that breaks its own rules', async () => {
		await expect(savePlan({ ...plan, pinned: ['not-a-stop'] })).rejects.toThrow();
	});
});

describe('the road-service setting', () => {
	it('keeps the server’s answer, and uses it when the server cannot be reached', async () => {
		const osrmUrl = 'https://osrm.example.police.uk';
		vi.stubGlobal(
			'fetch',
			vi.fn(async () => Response.json({ osrmUrl }))
		);
		expect(await loadRouteConfig()).toEqual({ osrmUrl });
		vi.stubGlobal(
			'fetch',
			vi.fn(async () => {
				throw new TypeError('Failed to fetch');
			})
		);
		expect(await loadRouteConfig()).toEqual({ osrmUrl });
	});

	it('has no road service before the server has ever answered', async () => {
		vi.stubGlobal(
			'fetch',
			vi.fn(async () => {
				throw new TypeError('Failed to fetch');
			})
		);
		expect(await loadRouteConfig()).toEqual({ osrmUrl: null });
	});
});
