import { describe, expect, it } from 'vitest';
import { assignmentSchema } from '$lib/domain/assignment';
import { conditionSchema, type Condition } from '$lib/domain/condition';
import { orderSchema, orderStatuses, orderTypes } from '$lib/domain/order';
import { addressSchema, subjectSchema, type Subject } from '$lib/domain/subject';
import { userSchema } from '$lib/domain/user';
import { generateCaseload, type Caseload } from './generate';
import { towns } from './places';

const today = '2026-03-14';
const small = generateCaseload({ seed: 20261127, subjects: 60, officers: 4, today });

const large = generateCaseload({ seed: 'bench', subjects: 10_000, officers: 40, today });

const conditionTypes = conditionSchema.options.map((o) => o.shape.type.value);
const allConditions = (c: Caseload): Condition[] => c.orders.flatMap((o) => o.conditions);

function parseAll(c: Caseload): void {
	for (const s of c.subjects) subjectSchema.parse(s);
	for (const a of c.addresses) addressSchema.parse(a);
	for (const o of c.orders) orderSchema.parse(o);
	for (const a of c.assignments) assignmentSchema.parse(a);
	for (const { password, ...user } of c.users) {
		userSchema.parse(user);
		expect(password).toMatch(/^demo-/);
	}
}

describe('generateCaseload', () => {
	it('is deterministic, ids included', () => {
		const again = generateCaseload({ seed: 20261127, subjects: 60, officers: 4, today });
		expect(again).toEqual(small);
		const other = generateCaseload({ seed: 20261128, subjects: 60, officers: 4, today });
		expect(other.subjects[0]!.id).not.toBe(small.subjects[0]!.id);
	});

	it('keeps each subject the same whatever the caseload size', () => {
		const fewer = generateCaseload({ seed: 20261127, subjects: 20, officers: 2, today });
		expect(fewer.subjects).toEqual(small.subjects.slice(0, 20));
		const ids = new Set(fewer.subjects.map((s) => s.id));
		expect(fewer.orders).toEqual(small.orders.filter((o) => ids.has(o.subjectId)));
	});

	it('produces objects that all parse with the contract schemas', () => {
		parseAll(small);
	});

	it('makes the demo users with readable demo passwords', () => {
		const byName = new Map(small.users.map((u) => [u.username, u]));
		expect([...byName.keys()]).toEqual([
			'officer1',
			'officer2',
			'officer3',
			'officer4',
			'sergeant',
			'admin'
		]);
		expect(byName.get('officer1')).toMatchObject({ role: 'officer', password: 'demo-officer-1' });
		expect(byName.get('officer1')!.displayName).toMatch(/^PC \S+ \S+/);
		expect(byName.get('officer1')!.collarNumber).toMatch(/^\d{4}$/);
		expect(byName.get('sergeant')).toMatchObject({ role: 'supervisor', password: 'demo-sergeant' });
		expect(byName.get('admin')).toMatchObject({ role: 'administrator', password: 'demo-admin' });
		const collars = small.users.flatMap((u) => (u.collarNumber ? [u.collarNumber] : []));
		expect(new Set(collars).size).toBe(collars.length);
	});

	it('covers every order type, condition type, zone shape and order status in 60 subjects', () => {
		expect(new Set(small.orders.map((o) => o.type))).toEqual(new Set(orderTypes));
		const conditions = allConditions(small);
		expect(new Set(conditions.map((c) => c.type))).toEqual(new Set(conditionTypes));
		const shapes = conditions.flatMap((c) => (c.type === 'exclusion-zone' ? [c.zone.shape] : []));
		expect(new Set(shapes)).toEqual(new Set(['circle', 'polygon', 'named']));
		expect(new Set(small.orders.map((o) => o.status))).toEqual(new Set(orderStatuses));
		expect(small.subjects.some((s) => s.wanted)).toBe(true);
		expect(small.subjects.some((s) => s.aliases.length > 0)).toBe(true);
	});

	it('dates orders relative to today: some expired, some expiring within days', () => {
		const start = Date.parse(`${today}T00:00:00Z`);
		const days = (iso: string) => (Date.parse(iso) - start) / 86_400_000;
		// Collect offenders rather than expect() per order: 13,000 expects make the test slow.
		const wrong = large.orders.filter((o) => {
			const expiry = o.expiresAt === null ? null : days(o.expiresAt);
			return (
				days(o.startsAt) >= 0 ||
				(expiry !== null && expiry <= days(o.startsAt)) ||
				(o.status === 'expired' && (expiry === null || expiry >= 0)) ||
				(o.status === 'active' && expiry !== null && expiry < 0) ||
				o.version > 1 !== (o.status === 'varied')
			);
		});
		expect(wrong).toEqual([]);
		const live = small.orders.filter((o) => o.status === 'active' && o.expiresAt);
		expect(live.some((o) => days(o.expiresAt!) < 5)).toBe(true);
		expect(small.orders.some((o) => o.type === 'DAPO' && o.expiresAt === null)).toBe(true);
	});

	it('links curfew and residence conditions to the subject’s own addresses', () => {
		const addresses = new Map(large.addresses.map((a) => [a.id, a]));
		const wrong = large.orders.flatMap((o) =>
			o.conditions.filter((c) => {
				if (c.type !== 'curfew' && c.type !== 'residence') return false;
				const at = addresses.get(c.addressId);
				return at?.subjectId !== o.subjectId || !c.wording.includes(at.lines.join(', '));
			})
		);
		expect(wrong).toEqual([]);
		const perSubject = new Map<string, string[]>();
		for (const a of large.addresses) {
			perSubject.set(a.subjectId, [...(perSubject.get(a.subjectId) ?? []), a.kind]);
		}
		expect(perSubject.size).toBe(large.subjects.length);
		const kinds = [...perSubject.values()];
		expect(
			kinds.filter((k) => k[0] !== 'home' || k.length > 3 || k.lastIndexOf('home') > 0)
		).toEqual([]);
	});

	it('shows protected premises only as such, and zones at a sensible size', () => {
		const zones = allConditions(large).filter((c) => c.type === 'exclusion-zone');
		const wrong = zones.filter((c) => {
			if (c.protectedPremises && c.label !== 'Protected premises') return true;
			if (c.zone.shape === 'circle') return c.zone.radiusM < 200 || c.zone.radiusM > 500;
			if (c.zone.shape === 'polygon') {
				const n = c.zone.rings[0]?.length ?? 0;
				return c.zone.rings.length !== 1 || n < 4 || n > 8;
			}
			return false;
		});
		expect(wrong).toEqual([]);
		const refs = allConditions(large).flatMap((c) =>
			c.type === 'no-contact' ? [c.protectedPersonRef] : []
		);
		expect(refs.filter((r) => !/^PP-[A-Z0-9]{5}$/.test(r))).toEqual([]);
	});

	it('assigns every subject to exactly one officer, evenly', () => {
		for (const c of [small, large]) {
			const officerIds = new Set(c.users.filter((u) => u.role === 'officer').map((u) => u.id));
			expect(c.assignments.map((a) => a.subjectId)).toEqual(c.subjects.map((s) => s.id));
			expect(new Set(c.assignments.map((a) => a.date))).toEqual(new Set([today]));
			const counts = new Map<string, number>();
			for (const a of c.assignments) counts.set(a.officerId, (counts.get(a.officerId) ?? 0) + 1);
			expect(new Set(counts.keys())).toEqual(officerIds);
			expect(Math.max(...counts.values()) - Math.min(...counts.values())).toBeLessThanOrEqual(1);
		}
		const wantedIds = new Set(large.subjects.filter((s) => s.wanted).map((s) => s.id));
		const wanted = large.assignments.filter((a) => wantedIds.has(a.subjectId));
		expect(new Set(wanted.map((a) => a.priority))).toEqual(new Set([1]));
	});

	it('never repeats an id', () => {
		for (const c of [small, large]) {
			const ids = [
				...c.users.map((u) => u.id),
				...c.subjects.map((s) => s.id),
				...c.addresses.map((a) => a.id),
				...c.orders.map((o) => o.id),
				...allConditions(c).map((x) => x.id),
				...c.assignments.map((a) => a.id)
			];
			expect(new Set(ids).size).toBe(ids.length);
		}
	});

	// Its speed is a benchmark's business (bench:caseload generates the same), not a test's.
	it('generates 10,000 subjects, all of which parse', () => {
		expect(large.subjects).toHaveLength(10_000);
		parseAll(large);
	});

	it('spreads risk, wanted and ages realistically', () => {
		const share = (f: (s: Subject) => boolean) =>
			large.subjects.filter(f).length / large.subjects.length;
		expect(share((s) => s.risk === 'high')).toBeCloseTo(0.25, 1);
		expect(share((s) => s.risk === 'medium')).toBeCloseTo(0.45, 1);
		expect(share((s) => s.risk === 'standard')).toBeCloseTo(0.3, 1);
		expect(share((s) => s.wanted !== null)).toBeCloseTo(0.08, 1);
		const ages = large.subjects.map((s) => {
			const [y, m, d] = s.dateOfBirth.split('-').map(Number) as [number, number, number];
			// today is 14 March 2026
			return 2026 - y - (m > 3 || (m === 3 && d > 14) ? 1 : 0);
		});
		expect(Math.min(...ages)).toBe(19);
		expect(Math.max(...ages)).toBe(65);
	});

	it('places everything inside Bedfordshire, with postcodes in the town’s districts', () => {
		const points = [
			...large.addresses.map((a) => a.location),
			...allConditions(large).flatMap((c) => {
				if (c.type !== 'exclusion-zone') return [];
				if (c.zone.shape === 'circle') return [c.zone.center];
				return c.zone.shape === 'polygon' ? c.zone.rings.flat() : [];
			})
		];
		expect(points.length).toBeGreaterThan(large.addresses.length);
		const outside = points.filter(
			(p) => !(p.lat >= 51.8 && p.lat <= 52.35 && p.lon >= -0.75 && p.lon <= -0.1)
		);
		expect(outside).toEqual([]);
		const districts = new Map(towns.map((t) => [t.name, new Set(t.districts.map(([d]) => d))]));
		const badPostcodes = large.addresses.filter(
			(a) =>
				!/^[A-Z]{2}\d{1,2} \d[ABD-HJLNP-UW-Z]{2}$/.test(a.postcode) ||
				!districts.get(a.town)?.has(a.postcode.split(' ')[0]!)
		);
		expect(badPostcodes).toEqual([]);
	});

	it('rejects an impossible day or caseload size', () => {
		const make =
			(subjects: number, officers: number, day = today) =>
			() =>
				generateCaseload({ seed: 1, subjects, officers, today: day });
		expect(make(1, 1, '2026-02-30')).toThrow(RangeError);
		expect(make(1, 1, '14/03/2026')).toThrow(RangeError);
		expect(make(1, 0)).toThrow(RangeError);
		expect(make(1.5, 1)).toThrow(RangeError);
	});
});
