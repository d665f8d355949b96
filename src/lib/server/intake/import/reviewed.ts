import { createHash } from 'node:crypto';
import { importFiles, type ImportFile } from '$lib/domain/import-templates';
import type { Plan } from './plan';

/**
 * Plans shown to a user in a clean dry run, kept so that confirming the import writes what
 * they reviewed instead of reading, checking and planning every file again. A kept plan is
 * used at most once, only by the user who ran the dry run, only for byte-identical files and
 * the same team, only for a while, and only if the change counter has not moved since the dry
 * run read it: every write to subjects, addresses, orders and records references takes a
 * counter value, so an unmoved counter means what the plan read still holds. In any other
 * case the import plans again from the files, as a first import does.
 *
 * Held in this process's memory, one plan per user and a few in all: after a restart, or on
 * another server instance, the import plans again.
 */
const TTL_MS = 15 * 60_000;
const MAX_PLANS = 4;

interface Reviewed {
	key: string;
	seq: number;
	plan: Plan;
	until: number;
}

const held = new Map<string, Reviewed>();

/** What the plan was made from: the team new subjects go to, and each file's exact bytes. */
export function fingerprint(
	files: Partial<Record<ImportFile, Uint8Array>>,
	teamId: string
): string {
	const hash = createHash('sha256').update(teamId);
	for (const file of importFiles) {
		const bytes = files[file];
		hash.update(`\u0000${file}\u0000${bytes ? bytes.byteLength : -1}\u0000`);
		if (bytes) hash.update(bytes);
	}
	return hash.digest('hex');
}

/** Keeps a clean plan that was made with the change counter at `seq`. */
export function keep(actorId: string, key: string, seq: number, plan: Plan, now = Date.now()) {
	held.delete(actorId);
	held.set(actorId, { key, seq, plan, until: now + TTL_MS });
	while (held.size > MAX_PLANS) held.delete(held.keys().next().value!);
}

/** The user's kept plan for exactly these files, if any; it is not kept any longer either way. */
export function take(
	actorId: string,
	key: string,
	now = Date.now()
): { seq: number; plan: Plan } | undefined {
	const reviewed = held.get(actorId);
	held.delete(actorId);
	if (!reviewed || reviewed.key !== key || reviewed.until < now) return undefined;
	return { seq: reviewed.seq, plan: reviewed.plan };
}
