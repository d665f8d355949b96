import type { Visit } from '$lib/domain/visit';
import { visitHash } from '$lib/domain/visit-hash';
import type { Db } from '../db/connection';
import * as chain from '../db/visit-chain';

/**
 * Verifies each arriving visit against its device's hash chain (domain/visit-hash.ts). Never a
 * reason to refuse a visit (it is evidence either way); the result is stored on the visit and
 * shown to supervisors:
 * - ok: the hash is right and it links to the device's previous visit (or is its first);
 * - unchained: sent by an app version from before the chain (no hash);
 * - hash-mismatch: the visit is not what was hashed at finalise (altered since);
 * - gap: its predecessor has not arrived (a missing or withheld visit); becomes ok if it does;
 * - fork: another visit already follows the same predecessor;
 * - restarted: a new chain (prevHash null) on a device that already had one.
 */
export type ChainStatus = 'ok' | 'unchained' | 'hash-mismatch' | 'gap' | 'fork' | 'restarted';

export interface ChainResult {
	hash: string | null;
	prevHash: string | null;
	status: ChainStatus;
}

/** In arrival order: a batch's visits may link to each other. */
export async function verifyChain(
	db: Db,
	deviceId: string,
	visits: readonly Visit[]
): Promise<Map<string, ChainResult>> {
	const out = new Map<string, ChainResult>();
	const chained = visits.filter((v) => v.hash);
	if (chained.length === 0) {
		for (const v of visits) out.set(v.id, { hash: null, prevHash: null, status: 'unchained' });
		return out;
	}
	const prevs = chained.flatMap((v) => (v.prevHash ? [v.prevHash] : []));
	const [known, linked, hadChain] = await Promise.all([
		chain.knownHashes(db, deviceId, prevs),
		chain.linkedPrevHashes(db, deviceId, prevs),
		chain.hasChainedVisits(db, deviceId)
	]);
	let anyChain = hadChain;
	for (const v of visits) {
		if (!v.hash) {
			out.set(v.id, { hash: null, prevHash: null, status: 'unchained' });
			continue;
		}
		const prevHash = v.prevHash ?? null;
		const computed = await visitHash(
			v,
			v.photos.map((p) => p.sha256),
			prevHash
		);
		let status: ChainStatus;
		if (computed !== v.hash) status = 'hash-mismatch';
		else if (prevHash === null) status = anyChain ? 'restarted' : 'ok';
		else if (linked.has(prevHash)) status = 'fork';
		else status = known.has(prevHash) ? 'ok' : 'gap';
		if (prevHash) linked.add(prevHash);
		known.add(v.hash);
		anyChain = true;
		out.set(v.id, { hash: v.hash, prevHash, status });
	}
	return out;
}
