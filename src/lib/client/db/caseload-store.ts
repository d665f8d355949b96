import type { CaseloadPage, SubjectBundle, TeamVisit } from '$lib/domain/caseload';
import { caseloadEntry, type CaseloadEntry } from '$lib/domain/caseload-entry';
import { caseloadSortKey, searchTokens } from '$lib/domain/caseload-order';
import { firstIds, firstScreen, updateCaseloadOrder } from './caseload-order-store';
import { encryptAhead } from './crypto/encrypt-ahead';
import { database, type StoredSubject } from './database';
import * as operationValues from './operation-values';
import * as syncValues from './sync-values';
import { applyReceipts, subjectsWithPendingWork } from './visits-store';

export function toStored(bundle: SubjectBundle): StoredSubject {
	return {
		id: bundle.subject.id,
		bundle,
		sortKey: caseloadSortKey(bundle),
		tokens: searchTokens(bundle),
		leaving: 0
	};
}

/**
 * Applies one page of the caseload feed atomically: subjects, removals, visit receipts and the
 * cursor commit together, so a crash mid-download resumes from the last whole page.
 * A removed subject with unsent visits (or an open draft) stays, marked as leaving, until
 * those visits are acknowledged.
 */
export async function applyCaseloadPage(page: CaseloadPage): Promise<void> {
	const db = database();
	const fresh = page.bundles.map(toStored);
	// Encrypted before the transaction, so that it need not be kept open while WebCrypto works.
	await encryptAhead(db.subjects, fresh);
	const tables = [db.subjects, db.meta, db.visits, db.outbox, db.photos, db.drafts, db.sealed];
	await db.transaction('rw', tables, async () => {
		let stored: StoredSubject[] = [];
		if (fresh.length > 0) {
			// A new bundle replaces the subject's documents, not what the team's visits told us
			// (a row that gains a team visit here is a new row, encrypted as it is put).
			const held = await heldTeamVisits(fresh.map((s) => s.id));
			stored = fresh.map((s) => {
				const teamVisit = held.get(s.id);
				return teamVisit ? { ...s, teamVisit } : s;
			});
			await db.subjects.bulkPut(stored);
		}
		await applyTeamVisits(page.teamVisits ?? []);
		await applyReceipts(page.receipts);
		let gone: string[] = [];
		if (page.removed.subjectIds.length > 0) {
			const keep = await subjectsWithPendingWork();
			const [leaving, removed] = partition(page.removed.subjectIds, (id) => keep.has(id));
			gone = removed;
			await db.subjects.bulkDelete(gone);
			for (const id of leaving) await db.subjects.update(id, { leaving: 1 });
		}
		await updateCaseloadOrder(stored, gone);
		if (page.operationalDay) await operationValues.operationalDay.set(page.operationalDay);
		await syncValues.cursor.set(page.cursor);
		await syncValues.lastSyncedAt.set(page.serverTime);
	});
}

/**
 * The team visits already held for these subjects. Only rows that exist are read (and
 * decrypted): the keys alone say which, so a first download reads no rows at all.
 */
async function heldTeamVisits(ids: readonly string[]): Promise<Map<string, TeamVisit>> {
	const subjects = database().subjects;
	const keys = new Set(await subjects.toCollection().primaryKeys());
	const present = ids.filter((id) => keys.has(id));
	const rows = present.length > 0 ? await subjects.bulkGet(present) : [];
	const visits = new Map<string, TeamVisit>();
	for (const row of rows) if (row?.teamVisit) visits.set(row.id, row.teamVisit);
	return visits;
}

/** Keeps each subject's latest team visit; an older one arriving late never replaces it. */
async function applyTeamVisits(visits: TeamVisit[]): Promise<void> {
	const db = database();
	for (const v of visits) {
		const held = await db.subjects.get(v.subjectId);
		if (held && !(held.teamVisit && held.teamVisit.at > v.at)) {
			await db.subjects.update(v.subjectId, { teamVisit: v });
		}
	}
}

/** Lets go of unassigned subjects whose visits have now all been acknowledged. */
export async function purgeLeavingSubjects(): Promise<number> {
	const db = database();
	return db.transaction('rw', [db.subjects, db.visits, db.drafts, db.meta], async () => {
		const keep = await subjectsWithPendingWork();
		const leaving = await db.subjects.where('leaving').equals(1).primaryKeys();
		const gone = leaving.filter((id) => !keep.has(id));
		await db.subjects.bulkDelete(gone);
		await updateCaseloadOrder([], gone);
		return gone.length;
	});
}

function partition<T>(xs: T[], pred: (x: T) => boolean): [T[], T[]] {
	const yes: T[] = [];
	const no: T[] = [];
	for (const x of xs) (pred(x) ? yes : no).push(x);
	return [yes, no];
}

/**
 * The first `limit` list entries in the default order: from the first screen's copy when it can
 * serve them, else from the rows themselves.
 */
export async function firstEntries(limit: number): Promise<CaseloadEntry[]> {
	const screen = await firstScreen(limit);
	if (screen) return screen;
	const ids = await firstIds(limit);
	if (!ids) return (await allSubjects()).slice(0, limit).map((r) => caseloadEntry(r.bundle));
	const rows = await database().subjects.bulkGet(ids);
	return rows.flatMap((r) => (r ? [caseloadEntry(r.bundle)] : []));
}

/** Every subject in the default order, sorted in memory: the sort key is not an index. */
export async function allSubjects(): Promise<StoredSubject[]> {
	const rows = await database().subjects.toArray();
	return rows.sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0));
}

export async function getSubject(id: string): Promise<SubjectBundle | undefined> {
	return (await database().subjects.get(id))?.bundle;
}

export async function countSubjects(): Promise<number> {
	return database().subjects.count();
}
