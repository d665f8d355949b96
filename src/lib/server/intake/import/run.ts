import {
	importFiles,
	type ImportFile,
	type ImportIssue,
	type ImportReport
} from '$lib/domain/import-templates';
import type { Db } from '../../db/connection';
import { applyPlan } from './apply';
import { plan, type Staged } from './plan';
import { decode, readRows, type CsvRow } from './read';
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

/**
 * A dry run (`apply: false`) or an import. An import re-checks everything and writes only a
 * clean run, in one transaction: a failure half way leaves the database as it was.
 */
export async function runImport(
	db: Db,
	files: Partial<Record<ImportFile, Uint8Array>>,
	opts: { teamId: string; actorId: string; apply: boolean }
): Promise<ImportReport> {
	const { staged, issues } = stage(files);
	const empty = { create: 0, update: 0, unchanged: 0 };
	const counts = { subjects: empty, addresses: empty, orders: empty, conditions: empty };
	const report = (all: ImportIssue[], c = counts, applied = false): ImportReport => ({
		ok: all.length === 0,
		applied,
		issues: all.slice(0, MAX_ISSUES),
		issueCount: all.length,
		counts: c
	});
	const run = async (trx: Db) => {
		const p = await plan(trx, staged, opts.teamId);
		// Row problems and cross-file problems (duplicates, unknown references) in one report.
		if (issues.length) return report([...issues, ...p.issues]);
		if (p.issues.length || !opts.apply) return report(p.issues, p.counts);
		const refs = new Map(staged.subjects.map((s) => [s.ref, s.ref]));
		const refOf = new Map(
			p.newRefs.filter((r) => r.kind === 'subject').map((r) => [r.id, r.reference])
		);
		await applyPlan(trx, p, opts.actorId, (id) => {
			const ref = refOf.get(id);
			return ref && refs.has(ref) ? [ref] : [];
		});
		return report([], p.counts, true);
	};
	// The plan is read inside the transaction that writes it, so nothing changes in between.
	return opts.apply && issues.length === 0 ? db.transaction().execute(run) : run(db);
}
