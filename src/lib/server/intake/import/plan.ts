import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { conditionSchema, type Condition } from '$lib/domain/condition';
import {
	GENERATED_REF_PREFIX,
	type ImportCounts,
	type ImportFile,
	type ImportIssue
} from '$lib/domain/import-templates';
import { londonDate, londonWallTimeToInstant } from '$lib/domain/london-time';
import { orderSchema, type Order } from '$lib/domain/order';
import { addressSchema, subjectSchema, type Address, type Subject } from '$lib/domain/subject';
import type { Db } from '../../db/connection';
import { isIn, readByKeys } from '../../db/lists';
import * as recordRefs from '../../db/record-refs';
import { existingBundles, type Bundle } from './existing';
import type { StagedAddress, StagedCondition, StagedOrder, StagedSubject } from './stage';

/**
 * Staged rows + what the database holds → the bundles to write and the counts. References are
 * resolved to ids (new ones get fresh UUIDs); what is not in the files is kept as it is.
 * Staged conditions become the plan's (their ids and addresses are filled in): plan a staging
 * once.
 */
export interface Staged {
	subjects: StagedSubject[];
	addresses: StagedAddress[];
	orders: StagedOrder[];
	conditions: StagedCondition[];
}

export interface Plan {
	issues: ImportIssue[];
	counts: Record<'subjects' | 'addresses' | 'orders' | 'conditions', ImportCounts>;
	/** Subjects with anything to write, new or changed. */
	writes: { bundle: Bundle; before: Bundle | undefined }[];
	/**
	 * New records references and their ids, by kind, in two lists: a row object for each took
	 * three times the memory, held until the import.
	 */
	newRefs: Record<RefKind, { references: string[]; ids: string[] }>;
	/** Subject id → its records reference, for every subject the files name. */
	subjectRefs: Map<string, string>;
	/** Subjects new or changed, whose `updatedAt` is the time the plan was made. */
	stamped: Set<string>;
}

export type RefKind = 'subject' | 'address' | 'order' | 'condition';

const noRefs = (): Plan['newRefs'] => ({
	subject: { references: [], ids: [] },
	address: { references: [], ids: [] },
	order: { references: [], ids: [] },
	condition: { references: [], ids: [] }
});

const zero = (): ImportCounts => ({ create: 0, update: 0, unchanged: 0 });

function duplicates(file: ImportFile, rows: { ref: string; row: number }[], issues: ImportIssue[]) {
	const first = new Map<string, number>();
	for (const r of rows) {
		const seen = first.get(r.ref);
		if (seen !== undefined) {
			issues.push({
				file,
				row: r.row,
				column: null,
				problem: `The reference ${r.ref} is also on row ${seen}: each reference once per file`
			});
		} else first.set(r.ref, r.row);
	}
}

function zodIssues(
	file: ImportFile,
	row: number,
	error: { issues: { path: PropertyKey[]; message: string }[] }
): ImportIssue[] {
	return error.issues
		.slice(0, 5)
		.map((i) => ({ file, row, column: i.path.map(String).join('.') || null, problem: i.message }));
}

/**
 * A fresh UUID as one flat string. Node builds randomUUID() out of 2-character pieces, a V8
 * rope of about 470 bytes that every young-generation collection copies; a plan keeping 70,000
 * of them held 33 MB of ropes. toLowerCase (a no-op on a UUID's text) reads it flat, and the
 * next collection drops the pieces: a tenth of the memory, and fresh ids made 5x faster.
 */
const freshId = (): string => randomUUID().toLowerCase();

// Key order does not count: a condition typed on screen and the same condition read from a
// file list their fields in different orders.
const sortedKeys = (_key: string, v: unknown) =>
	v && typeof v === 'object' && !Array.isArray(v)
		? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
		: v;
const same = (a: unknown, b: unknown) =>
	JSON.stringify(a, sortedKeys) === JSON.stringify(b, sortedKeys);
// Many orders share a start date: the London midnight of each date is worked out once.
const midnights = new Map<string, string>();
const instant = (ymd: string) => {
	let at = midnights.get(ymd);
	if (at === undefined) {
		if (midnights.size > 10_000) midnights.clear();
		midnights.set(ymd, (at = londonWallTimeToInstant(ymd, '00:00').toISOString()));
	}
	return at;
};
/**
 * What a row of the files gives, checked once per row against the domain schemas. Ids, the
 * photo and the stamps are the server's own (fresh UUIDs or values already held), not the
 * file's, and are left out: checking 100,000 UUIDs we just made cost more than the fields.
 */
const subjectRowSchema = subjectSchema.omit({ id: true, photoUrl: true, updatedAt: true });
const addressRowSchema = addressSchema.omit({ id: true, subjectId: true });
const conditionRowSchema = z.discriminatedUnion(
	'type',
	conditionSchema.options.map((o) => (o as z.ZodObject).omit({ id: true })) as [
		z.ZodObject,
		...z.ZodObject[]
	]
);
/** The order without its conditions, each of which is checked on its own row above. */
const orderRowSchema = orderSchema.omit({ conditions: true, id: true, subjectId: true });
/**
 * The files hold dates, not times: an instant already held on that London day (an order typed
 * on screen, or an expiry at the hour a notice was served) is that date, unchanged.
 */
const onDay = (ymd: string, held: string | null | undefined) =>
	held && londonDate(new Date(held)) === ymd ? held : instant(ymd);

export async function plan(
	db: Db,
	staged: Staged,
	teamId: string,
	now = new Date()
): Promise<Plan> {
	const issues: ImportIssue[] = [];
	duplicates('subjects', staged.subjects, issues);
	duplicates('addresses', staged.addresses, issues);
	duplicates('orders', staged.orders, issues);
	duplicates('conditions', staged.conditions, issues);

	const [subjectIds, addressIds, orderIds, conditionIds] = await Promise.all([
		recordRefs.idsOf(db, 'subject', [
			...new Set([
				...staged.subjects.map((s) => s.ref),
				...staged.addresses.map((a) => a.subjectRef),
				...staged.orders.map((o) => o.subjectRef)
			])
		]),
		recordRefs.idsOf(db, 'address', [
			...new Set([
				...staged.addresses.map((a) => a.ref),
				...staged.conditions.flatMap((c) => (c.addressRef ? [c.addressRef] : []))
			])
		]),
		recordRefs.idsOf(db, 'order', [
			...new Set([...staged.orders.map((o) => o.ref), ...staged.conditions.map((c) => c.orderRef)])
		]),
		recordRefs.idsOf(
			db,
			'condition',
			staged.conditions.map((c) => c.ref)
		)
	]);
	// Only records whose references we already hold can be in the database; the rest get fresh
	// ids below, and looking those up would only find nothing.
	const heldSubjects = new Set(subjectIds.values());
	const heldOrders = [...new Set(orderIds.values())];
	const newRefs = noRefs();
	const idFor = (kind: RefKind, map: Map<string, string>, ref: string) => {
		let id = map.get(ref);
		if (!id) {
			id = freshId();
			map.set(ref, id);
			newRefs[kind].references.push(ref);
			newRefs[kind].ids.push(id);
		}
		return id;
	};
	for (const s of staged.subjects) idFor('subject', subjectIds, s.ref);
	for (const a of staged.addresses)
		if (!subjectIds.has(a.subjectRef))
			issues.push({
				file: 'addresses',
				row: a.row,
				column: 'subject_ref',
				problem: `No subject with reference ${a.subjectRef} in subjects.csv or already held`
			});
	for (const o of staged.orders)
		if (!subjectIds.has(o.subjectRef))
			issues.push({
				file: 'orders',
				row: o.row,
				column: 'subject_ref',
				problem: `The order is for an unknown subject: no subject with reference ${o.subjectRef} in subjects.csv or already held`
			});
	const orderSubjectRef = new Map(staged.orders.map((o) => [o.ref, o.subjectRef]));
	for (const c of staged.conditions)
		if (!orderSubjectRef.has(c.orderRef) && !orderIds.has(c.orderRef))
			issues.push({
				file: 'conditions',
				row: c.row,
				column: 'order_ref',
				problem: `No order with reference ${c.orderRef} in orders.csv or already held`
			});
	if (issues.length)
		return {
			issues,
			counts: { subjects: zero(), addresses: zero(), orders: zero(), conditions: zero() },
			writes: [],
			newRefs: noRefs(),
			subjectRefs: new Map(),
			stamped: new Set()
		};

	for (const a of staged.addresses) idFor('address', addressIds, a.ref);
	for (const o of staged.orders) idFor('order', orderIds, o.ref);
	for (const c of staged.conditions) idFor('condition', conditionIds, c.ref);

	// Orders named only by conditions.csv belong to a subject we hold: find it from the database.
	const existingOrderSubjects = await readByKeys(db, heldOrders, (part) =>
		db
			.selectFrom('orders')
			.select(['id', 'subject_id'])
			.where(isIn(db, 'id', part))
			.execute()
	);
	const subjectOfOrder = new Map(existingOrderSubjects.map((r) => [r.id, r.subject_id]));
	for (const o of staged.orders)
		subjectOfOrder.set(orderIds.get(o.ref)!, subjectIds.get(o.subjectRef)!);

	const touched = new Set<string>([
		...staged.subjects.map((s) => subjectIds.get(s.ref)!),
		...staged.addresses.map((a) => subjectIds.get(a.subjectRef)!),
		...subjectOfOrder.values()
	]);
	const before = await existingBundles(
		db,
		[...touched].filter((id) => heldSubjects.has(id))
	);
	const bundles = new Map<string, Bundle>();
	for (const id of touched) {
		const b = before.get(id);
		bundles.set(
			id,
			b
				? structuredClone(b)
				: { subject: undefined as unknown as Subject, addresses: [], orders: [], teamId }
		);
	}
	const counts = { subjects: zero(), addresses: zero(), orders: zero(), conditions: zero() };
	const stamped = new Set<string>();
	const nowIso = now.toISOString();
	const tally = (kind: keyof typeof counts, old: unknown, next: unknown) => {
		counts[kind][old === undefined ? 'create' : same(old, next) ? 'unchanged' : 'update'] += 1;
	};

	for (const s of staged.subjects) {
		const id = subjectIds.get(s.ref)!;
		const b = bundles.get(id)!;
		const old = before.get(id)?.subject;
		const { ref: _r, row, ...details } = s;
		// Field by field rather than spread: a spread copy kept its fields in a property array
		// of its own (50 bytes more), and the plan holds one per subject and address.
		const next: Subject = {
			id,
			givenName: s.givenName,
			familyName: s.familyName,
			aliases: s.aliases,
			dateOfBirth: s.dateOfBirth,
			risk: s.risk,
			warnings: s.warnings,
			wanted: s.wanted,
			photoUrl: old?.photoUrl ?? null,
			updatedAt: old?.updatedAt ?? nowIso
		};
		if (!old) stamped.add(id);
		else if (!same({ ...old, updatedAt: '' }, { ...next, updatedAt: '' })) {
			next.updatedAt = nowIso;
			stamped.add(id);
		}
		const parsed = subjectRowSchema.safeParse(details);
		if (!parsed.success) issues.push(...zodIssues('subjects', row, parsed.error));
		tally('subjects', old, next);
		b.subject = next;
	}
	const addressSubject = new Map<string, string>();
	for (const a of staged.addresses) {
		const subjectId = subjectIds.get(a.subjectRef)!;
		const id = addressIds.get(a.ref)!;
		addressSubject.set(a.ref, subjectId);
		const b = bundles.get(subjectId)!;
		const { ref: _r, row, subjectRef: _s, ...rest } = a;
		const next: Address = {
			id,
			subjectId,
			kind: a.kind,
			lines: a.lines,
			town: a.town,
			postcode: a.postcode,
			location: a.location,
			accessNotes: a.accessNotes
		};
		const parsed = addressRowSchema.safeParse(rest);
		if (!parsed.success) issues.push(...zodIssues('addresses', row, parsed.error));
		const i = b.addresses.findIndex((x) => x.id === id);
		tally('addresses', i >= 0 ? b.addresses[i] : undefined, next);
		if (i >= 0) b.addresses[i] = next;
		else b.addresses.push(next);
	}
	const stagedConditions = new Map<string, StagedCondition[]>();
	for (const c of staged.conditions) {
		const list = stagedConditions.get(c.orderRef) ?? [];
		list.push(c);
		stagedConditions.set(c.orderRef, list);
	}
	const orderRefs = new Set([...staged.orders.map((o) => o.ref), ...stagedConditions.keys()]);
	const stagedOrder = new Map(staged.orders.map((o) => [o.ref, o]));
	for (const ref of orderRefs) {
		const id = orderIds.get(ref)!;
		const b = bundles.get(subjectOfOrder.get(id)!)!;
		const i = b.orders.findIndex((x) => x.id === id);
		const old = i >= 0 ? b.orders[i] : undefined;
		const so = stagedOrder.get(ref);
		const conditions: Condition[] = [...(old?.conditions ?? [])];
		for (const c of stagedConditions.get(ref) ?? []) {
			const cid = conditionIds.get(c.ref)!;
			// Completed in place (a staged row is planned once): a copy made by a spread of
			// these eight shapes got a hidden class of its own, 15 MB at 10,000 subjects.
			const body = c.condition;
			if (c.addressRef) {
				const addressId = addressIds.get(c.addressRef);
				const owner =
					addressSubject.get(c.addressRef) ??
					(addressId && b.addresses.some((x) => x.id === addressId)
						? subjectOfOrder.get(id)
						: undefined);
				if (!addressId || owner !== subjectOfOrder.get(id)) {
					issues.push({
						file: 'conditions',
						row: c.row,
						column: 'address_ref',
						problem: `No address ${c.addressRef} of this order's subject in addresses.csv or already held`
					});
				} else (body as { addressId: string }).addressId = addressId;
			}
			const parsed = conditionRowSchema.safeParse(body);
			const condition = body as Condition;
			condition.id = cid;
			if (!parsed.success) issues.push(...zodIssues('conditions', c.row, parsed.error));
			const j = conditions.findIndex((x) => x.id === cid);
			tally('conditions', j >= 0 ? conditions[j] : undefined, condition);
			if (j >= 0) conditions[j] = condition;
			else conditions.push(condition);
		}
		const header = so
			? {
					type: so.type,
					issuer: so.issuer,
					// An order made on screen is exported under a generated order_ref; its own
					// reference (the court's, shown to officers) is kept.
					reference: old && so.ref.startsWith(GENERATED_REF_PREFIX) ? old.reference : so.ref,
					startsAt: so.starts ? onDay(so.starts, old?.startsAt) : '',
					expiresAt: so.expires ? onDay(so.expires, old?.expiresAt) : null,
					status: so.status
				}
			: {
					type: old!.type,
					issuer: old!.issuer,
					reference: old!.reference,
					startsAt: old!.startsAt,
					expiresAt: old!.expiresAt,
					status: old!.status
				};
		const content = { ...header, conditions };
		const strip = (o: object) => ({ ...o, id: '', subjectId: '', version: 0, status: '' });
		const changed = !old || !same({ ...old, version: 0 }, { ...old, ...content, version: 0 });
		// Different wording, dates or conditions make a new version (the old one stays in
		// order_versions); a status change alone keeps the version.
		const reworded = old !== undefined && !same(strip(old), strip({ ...old, ...content }));
		const next: Order = {
			id,
			subjectId: subjectOfOrder.get(id)!,
			...content,
			version: old ? old.version + (reworded ? 1 : 0) : 1
		};
		const { conditions: _checked, id: _id, subjectId: _s, ...orderHeader } = next;
		const parsed = orderRowSchema.safeParse(orderHeader);
		if (next.conditions.length > 50)
			issues.push({
				file: 'conditions',
				row: 0,
				column: 'order_ref',
				problem: `The order ${next.reference} has ${next.conditions.length} conditions: at most 50`
			});
		if (!parsed.success) issues.push(...zodIssues('orders', so?.row ?? 0, parsed.error));
		counts.orders[!old ? 'create' : changed ? 'update' : 'unchanged'] += 1;
		if (old) b.orders[i] = next;
		else b.orders.push(next);
	}
	const writes = [...bundles.entries()]
		.map(([id, bundle]) => ({ bundle, before: before.get(id) }))
		.filter((w) => !w.before || !same(w.before, w.bundle));
	const subjectRefs = new Map([...subjectIds].map(([ref, id]) => [id, ref]));
	return { issues, counts, writes, newRefs, subjectRefs, stamped };
}
