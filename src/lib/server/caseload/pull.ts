import { PROTOCOL_VERSION, type CaseloadPage } from '$lib/domain/caseload';
import type { Db } from '../db/connection';
import * as caseload from '../db/caseload';
import { ApiFailure } from '../http';
import { decodeCursor, encodeCursor } from './cursor';

/**
 * One page of the officer's caseload change feed. Read in one transaction so the page, the
 * count and the cursor describe the same moment.
 */
export async function pullCaseload(
	db: Db,
	officerId: string,
	cursor: string | undefined,
	limit: number,
	now = new Date()
): Promise<CaseloadPage> {
	const since = decodeCursor(cursor);
	if (since === undefined) {
		throw new ApiFailure(
			400,
			'bad-cursor',
			'The cursor is not valid: download the caseload again without one'
		);
	}
	return db.transaction().execute(async (trx) => {
		const { rows, total } = await caseload.changedSince(trx, officerId, since, limit);
		const live = rows.filter((r) => r.active).map((r) => r.subjectId);
		const removedSubjects = rows.filter((r) => !r.active).map((r) => r.subjectId);
		const { bundles, dischargedOrderIds } = await caseload.loadBundles(trx, officerId, live);
		const last = rows.at(-1)?.seq;
		// With nothing changed the cursor moves to "now", so the next pull starts from here.
		const next = last ?? Math.max(since, await caseload.currentSeq(trx));
		return {
			protocolVersion: PROTOCOL_VERSION,
			cursor: encodeCursor(next),
			serverTime: now.toISOString(),
			bundles,
			removed: { subjectIds: removedSubjects, orderIds: dischargedOrderIds },
			// Filled in by the sync work (issue 3) once visits are stored.
			receipts: [],
			remaining: total - rows.length,
			hasMore: total > rows.length
		};
	});
}
