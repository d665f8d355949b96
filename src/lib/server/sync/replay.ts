import type { MutationResult } from '$lib/domain/sync';
import type { Db } from '../db/connection';
import * as outcomes from '../db/mutation-outcomes';
import * as visits from '../db/visits';
import type { Incoming } from './parse';
import { messages } from './validate';

/**
 * Answers for sequence numbers the device had dealt with before: the same answer as the first
 * time (applied → duplicate with its receipt time, rejected → the same rejection), unless the
 * device now sends a different mutation under that number, which is never silently accepted.
 */
export async function answerReplays(
	db: Db,
	deviceId: string,
	replays: Incoming[]
): Promise<MutationResult[]> {
	if (replays.length === 0) return [];
	const seqs = replays.map((r) => r.seq);
	const [applied, other] = await Promise.all([
		visits.findByDeviceSeqs(db, deviceId, seqs),
		outcomes.findByDeviceSeqs(db, deviceId, seqs)
	]);
	const appliedBySeq = new Map(applied.map((a) => [a.deviceSeq, a]));
	const otherBySeq = new Map(other.map((o) => [o.seq, o]));
	const duplicateOf = other.flatMap((o) => (o.visit_id ? [o.visit_id] : []));
	const receivedAt = new Map(
		(await visits.findByIds(db, duplicateOf)).map((v) => [v.id, v.receivedAt])
	);

	return replays.map((r): MutationResult => {
		const a = appliedBySeq.get(r.seq);
		const o = otherBySeq.get(r.seq);
		const firstId = a ? a.mutationId : o ? o.mutation_id : r.mutationId;
		if (firstId !== r.mutationId) {
			return {
				seq: r.seq,
				status: 'rejected',
				code: 'sequence-reused',
				message: messages['sequence-reused']
			};
		}
		if (a) return { seq: r.seq, status: 'duplicate', receivedAt: a.receivedAt };
		if (o?.status === 'applied') return { seq: r.seq, status: 'duplicate', receivedAt: o.at };
		if (o?.status === 'rejected') {
			return {
				seq: r.seq,
				status: 'rejected',
				code: o.code ?? 'invalid-mutation',
				message: o.message ?? ''
			};
		}
		return {
			seq: r.seq,
			status: 'duplicate',
			receivedAt: (o?.visit_id && receivedAt.get(o.visit_id)) || null
		};
	});
}
