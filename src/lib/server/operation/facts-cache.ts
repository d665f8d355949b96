import { sql } from 'kysely';
import type { Order } from '$lib/domain/order';
import { subjectFacts, type SubjectFacts } from '$lib/domain/operation/subject-facts';
import type { Address, Subject } from '$lib/domain/subject';
import type { Db } from '../db/connection';
import { isIn, readByKeys } from '../db/lists';
import { markedCache } from './marked-cache';
import { inScope, type Scope } from './scope';

/**
 * Subject facts boiled down from the stored JSON, kept per database until the subject's change
 * sequence moves (every write to a subject, its addresses or its orders bumps it), so the
 * planning list parses only what changed since it was last drawn.
 */
const caches = new WeakMap<Db, Map<string, { seq: number; facts: SubjectFacts }>>();

/**
 * The last list drawn per scope, with the count and sum of the scope's subjects' sequences it
 * was drawn at. A write raises its subject's sequence (so the sum), a departure lowers the
 * count, an arrival adds a sequence newer than any it could balance — also when writes commit
 * out of sequence order on PostgreSQL, where a highest-sequence mark could miss one. An
 * unchanged mark means an unchanged list, and checking it is one scan of an index
 * (subjects_team_seq) instead of reading every subject row.
 */
const lists = markedCache<SubjectFacts[]>();

/** Facts of every subject in scope. */
export async function allSubjectFacts(db: Db, scope: Scope): Promise<SubjectFacts[]> {
	const key = scope.all ? '*' : (scope.teamId ?? '');
	return lists(db, key, await scopeMark(db, scope), () => drawFacts(db, scope));
}

async function scopeMark(db: Db, scope: Scope): Promise<string> {
	const row = await db
		.selectFrom('subjects')
		.select([sql<string | number | null>`sum(seq)`.as('sum'), sql<number>`count(*)`.as('n')])
		.$if(!scope.all, (q) => q.where('team_id', '=', scope.all ? '' : (scope.teamId ?? '')))
		.executeTakeFirstOrThrow();
	return `${row.n}:${row.sum ?? 0}`;
}

async function drawFacts(db: Db, scope: Scope): Promise<SubjectFacts[]> {
	let cache = caches.get(db);
	if (!cache) caches.set(db, (cache = new Map()));
	const rows = await db.selectFrom('subjects').select(['id', 'seq', 'team_id']).execute();
	const current = rows.filter((s) => inScope(scope, s.team_id));
	const stale = current.filter((s) => cache.get(s.id)?.seq !== s.seq).map((s) => s.id);
	if (stale.length > 0) {
		for (const [id, facts] of await loadFacts(db, stale)) {
			cache.set(id, facts);
		}
	}
	if (cache.size > rows.length) {
		const live = new Set(rows.map((s) => s.id));
		for (const id of cache.keys()) if (!live.has(id)) cache.delete(id);
	}
	return current.flatMap((s) => {
		const held = cache.get(s.id);
		return held ? [held.facts] : [];
	});
}

async function loadFacts(
	db: Db,
	ids: string[]
): Promise<Map<string, { seq: number; facts: SubjectFacts }>> {
	const [subjects, addresses, orders] = await Promise.all([
		readByKeys(db, ids, (part) =>
			db
				.selectFrom('subjects')
				.select(['id', 'seq', 'data'])
				.where(isIn(db, 'id', part))
				.execute()
		),
		readByKeys(db, ids, (part) =>
			db
				.selectFrom('addresses')
				.select(['subject_id', 'data'])
				.where(isIn(db, 'subject_id', part))
				.execute()
		),
		readByKeys(db, ids, (part) =>
			db
				.selectFrom('orders')
				.select(['subject_id', 'data'])
				.where(isIn(db, 'subject_id', part))
				.execute()
		)
	]);
	const group = <T>(rows: { subject_id: string; data: string }[]) => {
		const m = new Map<string, T[]>();
		for (const r of rows) {
			const list = m.get(r.subject_id) ?? [];
			list.push(JSON.parse(r.data) as T);
			m.set(r.subject_id, list);
		}
		return m;
	};
	const addressesOf = group<Address>(addresses);
	const ordersOf = group<Order>(orders);
	const out = new Map<string, { seq: number; facts: SubjectFacts }>();
	for (const s of subjects) {
		const subject = JSON.parse(s.data) as Subject;
		out.set(s.id, {
			seq: s.seq,
			facts: subjectFacts(subject, addressesOf.get(s.id) ?? [], ordersOf.get(s.id) ?? [])
		});
	}
	return out;
}
