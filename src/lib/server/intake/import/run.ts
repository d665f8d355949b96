import {
	importFiles,
	type ImportFile,
	type ImportIssue,
	type ImportReport
} from '$lib/domain/import-templates';
import { currentSeq } from '../../db/caseload';
import { lockedSeq, type Db } from '../../db/connection';
import { applyPlan } from './apply';
import { plan, type Staged } from './plan';
import { decode, readRows, type CsvRow } from './read';
import * as reviewed from './reviewed';
import { stageAddress, stageCondition, stageOrder, stageSubject } from './stage';

/** Issues shown on screen; the count says how many there were in all. */
const MAX_ISSUES = 1000;

const stagers = {
	subjects: stageSubject,
	addresses: stageAddress,
	orders: stageOrder,
	conditions: stageCondition
} as const;

/** Reads and checks every file given, row by row. */
export function stage(files: Partial<Record<ImportFile, Uint8Array>>): {
	staged: Staged;
	issues: ImportIssue[];
} {
	const staged: Staged = { subjects: [], addresses: [], orders: [], conditions: [] };
	const issues: ImportIssue[] = [];
	for (const file of importFiles) {
		const bytes = files[file];
		if (!bytes) continue;
		const decoded = decode(file, bytes);
		if ('issue' in decoded) {
			issues.push(decoded.issue);
			continue;
		}
		const into = staged[file] as unknown[];
		const stager = stagers[file] as (r: CsvRow) => { value: unknown; issues: ImportIssue[] };
		issues.push(
			...readRows(file, decoded.text, (row) => {
				const { value, issues: rowIssues } = stager(row);
				if (rowIssues.length) issues.push(...rowIssues);
				else into.push(value);
			})
		);
	}
	return { staged, issues };
}

const empty = { create: 0, update: 0, unchanged: 0 };
const noCounts = { subjects: empty, addresses: empty, orders: empty, conditions: empty };

function report(all: ImportIssue[], counts = noCounts, applied = false): ImportReport {
	return {
		ok: all.length === 0,
		applied,
		issues: all.slice(0, MAX_ISSUES),
		issueCount: all.length,
		counts
	};
}

/**
 * A dry run (`apply: false`) or an import. An import writes only a clean run, in one
 * transaction: a failure half way leaves the database as it was. When the same user dry-ran
 * exactly these files and nothing has been written since, the import writes the plan they
 * reviewed (see reviewed.ts); otherwise it checks and plans everything again.
 */
export async function runImport(
	db: Db,
	files: Partial<Record<ImportFile, Uint8Array>>,
	opts: { teamId: string; actorId: string; apply: boolean }
): Promise<ImportReport> {
	const key = reviewed.fingerprint(files, opts.teamId);
	if (opts.apply) {
		const kept = reviewed.take(opts.actorId, key);
		if (kept) {
			const done = await db.transaction().execute(async (trx) => {
				// Holds the counter until commit: nothing can be written between this check and
				// the writes.
				if ((await lockedSeq(trx)) !== kept.seq) return undefined;
				await applyPlan(trx, kept.plan, opts.actorId);
				return report([], kept.plan.counts, true);
			});
			if (done) return done;
		}
	}
	// Read before anything the plan reads: a write after this moves the counter past it.
	const seq = opts.apply ? 0 : await currentSeq(db);
	const read = stage(files);
	const issues = read.issues;
	const run = async (trx: Db) => {
		const p = await plan(trx, read.staged, opts.teamId);
		// The plan holds what it needs; the rows need not stay in memory while it is written.
		read.staged = { subjects: [], addresses: [], orders: [], conditions: [] };
		// Row problems and cross-file problems (duplicates, unknown references) in one report.
		if (issues.length) return report([...issues, ...p.issues]);
		if (p.issues.length) return report(p.issues, p.counts);
		if (!opts.apply) {
			reviewed.keep(opts.actorId, key, seq, p);
			return report([], p.counts);
		}
		await applyPlan(trx, p, opts.actorId);
		return report([], p.counts, true);
	};
	// The plan is read inside the transaction that writes it, so nothing changes in between.
	return opts.apply && issues.length === 0 ? db.transaction().execute(run) : run(db);
}
