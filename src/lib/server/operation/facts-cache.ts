import { sql } from 'kysely';
import { subjectFacts, type SubjectFacts } from '$lib/domain/operation/subject-facts';
import type { Db } from '../db/connection';
import { readSubjectDocuments } from '../db/subject-documents';
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
	const docs = await readSubjectDocuments(db, ids);
	return new Map(
		[...docs].map(([id, d]) => [
			id,
			{ seq: d.seq, facts: subjectFacts(d.subject, d.addresses, d.orders) }
		])
	);
}
