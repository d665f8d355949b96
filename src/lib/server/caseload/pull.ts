import type { CaseloadPage } from '$lib/domain/caseload';
import { PROTOCOL_VERSION } from '$lib/domain/protocol';
import type { Db } from '../db/connection';
import * as caseload from '../db/caseload';
import { engineOf } from '../db/engine';
import * as visits from '../db/visits';
import { markDelivered } from '../operation/assign';
import { afterAnswer } from '../db/side-writes';
import { teamLastVisits } from './last-visits';
import { ApiFailure } from '../http';
import { decodeCursor, encodeCursor } from './cursor';

/**
 * One page of the officer's caseload change feed, read in one read-only transaction (one
 * snapshot on PostgreSQL) so the page, the count and the cursor describe the same moment.
 *
 * Subject changes and visit receipts both take values of the one global change counter, so the
 * cursor is a single number. The counter is read first and is the page's horizon: every change
 * numbered up to it has committed (reserveSeqs), so nothing below the cursor can still appear
 * later. Each stream is read oldest first and capped at `limit`; the page ends where the first
 * capped stream ends (everything up to that value is in the page, nothing after it), or at the
 * horizon when neither was capped. Receipts tied on one value (visits sharing a photo) are never
 * split, so a page can hold more than `limit` of them.
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
	const read = db.transaction().setAccessMode('read only');
	const snapshot = engineOf(db) === 'postgres' ? read.setIsolationLevel('repeatable read') : read;
	const page = await snapshot.execute(async (trx): Promise<CaseloadPage> => {
		const horizon = Math.max(since, await caseload.currentSeq(trx));
		const { rows, total } = await caseload.changedSince(trx, officerId, since, horizon, limit);
		const receipts = await visits.receiptsSince(trx, officerId, since, horizon, limit + 1);
		let next = horizon;
		if (total > rows.length) next = Math.min(next, rows.at(-1)?.seq ?? next);
		const receiptsCapped = receipts.length > limit;
		if (receiptsCapped) next = Math.min(next, receipts[limit - 1]?.seq ?? next);
		const pageRows = rows.filter((r) => r.seq <= next);
		const pageReceipts = receiptsCapped
			? await visits.receiptsSince(trx, officerId, since, next)
			: receipts.filter((r) => r.seq <= next);
		// Whether anything waits past this page: asked directly, because a tie group at the page's
		// end can use up the look-ahead row above.
		const receiptsWaiting =
			next < horizon && (await visits.receiptsSince(trx, officerId, next, horizon, 1)).length > 0;
		const live = pageRows.filter((r) => r.active).map((r) => r.subjectId);
		const removedSubjects = pageRows.filter((r) => !r.active).map((r) => r.subjectId);
		const { bundles, dischargedOrderIds } = await caseload.loadBundles(trx, officerId, live);
		return {
			protocolVersion: PROTOCOL_VERSION,
			cursor: encodeCursor(next),
			serverTime: now.toISOString(),
			bundles,
			removed: { subjectIds: removedSubjects, orderIds: dischargedOrderIds },
			receipts: pageReceipts.map((r) => ({
				visitId: r.visitId,
				receivedAt: r.receivedAt,
				photosComplete: r.photosComplete
			})),
			remaining: total - pageRows.length,
			hasMore: total > pageRows.length || receiptsWaiting,
			teamVisits: await teamLastVisits(trx, officerId, since, next, live)
		};
	});
	// The station's dashboard shows when each assignment reached the device: a write, so
	// outside the read-only snapshot, and after the answer (side-writes.ts).
	const delivered = page.bundles.map((b) => b.assignment.id);
	if (delivered.length > 0)
		afterAnswer('assignment-delivered', () => markDelivered(db, delivered, now));
	return page;
}
