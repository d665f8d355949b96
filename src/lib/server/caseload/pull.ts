import type { CaseloadPage } from '$lib/domain/caseload';
import { PROTOCOL_VERSION } from '$lib/domain/protocol';
import type { Db } from '../db/connection';
import * as caseload from '../db/caseload';
import * as visits from '../db/visits';
import { markDelivered } from '../operation/assign';
import { ApiFailure } from '../http';
import { decodeCursor, encodeCursor } from './cursor';

/**
 * One page of the officer's caseload change feed. Read in one transaction so the page, the
 * count and the cursor describe the same moment.
 *
 * Subject changes and visit receipts both take values of the one global change counter, so the
 * cursor is a single number. Each stream is read oldest first and capped at `limit`; the page
 * ends where the first capped stream ends (everything up to that value is in the page, nothing
 * after it), or at the counter's current value when neither was capped.
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
		const receipts = await visits.receiptsSince(trx, officerId, since, { limit });
		let next = Math.max(since, await caseload.currentSeq(trx));
		if (total > rows.length) next = Math.min(next, rows.at(-1)?.seq ?? next);
		const receiptsCapped = receipts.length > limit;
		if (receiptsCapped) next = Math.min(next, receipts[limit - 1]?.seq ?? next);
		const pageRows = rows.filter((r) => r.seq <= next);
		const pageReceipts = receiptsCapped
			? await visits.receiptsSince(trx, officerId, since, { upTo: next })
			: receipts.filter((r) => r.seq <= next);
		const live = pageRows.filter((r) => r.active).map((r) => r.subjectId);
		const removedSubjects = pageRows.filter((r) => !r.active).map((r) => r.subjectId);
		const { bundles, dischargedOrderIds } = await caseload.loadBundles(trx, officerId, live);
		// The station's dashboard shows when each assignment reached the device.
		await markDelivered(
			trx,
			bundles.map((b) => b.assignment.id),
			now
		);
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
			hasMore: total > pageRows.length || receipts.some((r) => r.seq > next)
		};
	});
}
