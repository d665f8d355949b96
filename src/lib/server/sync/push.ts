import { pushRequestSchema, type MutationResult, type PushResponse } from '$lib/domain/sync';
import { PROTOCOL_VERSION } from '$lib/domain/protocol';
import * as audit from '../db/audit';
import type { Db } from '../db/connection';
import * as devices from '../db/devices';
import * as outcomes from '../db/mutation-outcomes';
import { ApiFailure, parseWith } from '../http';
import { loadContext, type BatchContext } from './context';
import { parseMutations, type Incoming } from './parse';
import { planBatch } from './plan';
import { checkProtocol } from './protocol';
import { answerReplays } from './replay';
import { checkVisit } from './validate';
import { deviceAuditEntry } from './device-audit';
import { storeAccepted, type Accepted } from './store';

/**
 * POST /api/sync/push. One transaction per push: the device's last applied sequence moves in
 * the same commit as the visits it covers, so a push cut off at any point is either wholly
 * there or wholly absent, and sending it again is safe. The transaction locks the device's row
 * first (devices.claim), so concurrent pushes from one device, even on different servers, are
 * applied one after the other and the second finds the first's mutations already applied.
 */
export async function push(
	db: Db,
	officerId: string,
	body: unknown,
	now = new Date(),
	/** The device the session belongs to, if it was signed in as one: the push must be its. */
	sessionDeviceId: string | null = null
): Promise<PushResponse> {
	checkProtocol(body);
	const request = parseWith(pushRequestSchema, body);
	if (sessionDeviceId && request.deviceId !== sessionDeviceId) {
		throw new ApiFailure(
			403,
			'device-mismatch',
			'This session belongs to another device. Sign in again on this device.'
		);
	}
	return applyPush(db, officerId, request.deviceId, request.mutations, now);
}

/** The apply step on its own (benchmarks and property tests call it directly). */
export async function applyPush(
	db: Db,
	officerId: string,
	deviceId: string,
	rawMutations: unknown[],
	now = new Date()
): Promise<PushResponse> {
	// Parsing is CPU work with no I/O: done before the transaction so the lock is held briefly.
	const incoming = parseMutations(rawMutations);
	return db.transaction().execute(async (trx) => {
		const device = await deviceFor(trx, deviceId, officerId, now);
		const plan = planBatch(incoming, device.lastSeq);
		const replayed = await answerReplays(trx, deviceId, plan.replays);
		const lastAppliedSeq = device.lastSeq + plan.next.length;
		// Before the visits: their store takes the change counter last, to hold it briefly.
		if (plan.next.length > 0) await devices.setLastSeq(trx, deviceId, lastAppliedSeq);
		const applied = await applyNext(trx, officerId, deviceId, plan.next, now);
		const deferred = plan.deferred.map((d): MutationResult => ({
			seq: d.seq,
			status: 'deferred',
			code: 'sequence-gap',
			message:
				`Not looked at: change ${plan.expectedSeq} from this device has not arrived. ` +
				`Send again from ${plan.expectedSeq}.`
		}));
		return {
			protocolVersion: PROTOCOL_VERSION,
			lastAppliedSeq,
			results: [...replayed, ...applied, ...deferred]
		};
	});
}

async function deviceFor(
	db: Db,
	deviceId: string,
	officerId: string,
	now: Date
): Promise<devices.Device> {
	const device = await devices.claim(db, deviceId, officerId, now);
	if (device.userId !== officerId) {
		throw new ApiFailure(
			403,
			'device-mismatch',
			'This device is registered to another officer. Sign in as that officer to send ' +
				'their visits, or ask an administrator to set the device up again.'
		);
	}
	if (device.revoked) {
		throw new ApiFailure(
			403,
			'device-revoked',
			'This device has been revoked and cannot send visits. Contact an administrator.'
		);
	}
	return device;
}

/** Validates and applies (or rejects) each of the next mutations in order, then writes in bulk. */
async function applyNext(
	db: Db,
	officerId: string,
	deviceId: string,
	next: Incoming[],
	now: Date
): Promise<MutationResult[]> {
	if (next.length === 0) return [];
	const at = now.toISOString();
	const ctx = await loadContext(
		db,
		officerId,
		next.flatMap((n) => (n.mutation ? [n.mutation] : [])),
		now
	);
	const results: MutationResult[] = [];
	const accepted: Accepted[] = [];
	const outcomeRows: outcomes.OutcomeRow[] = [];
	const entries: audit.AuditEntry[] = [];

	for (const n of next) {
		if (n.mutation?.type === 'record-audit') {
			// A device's own audit entry: stored once, in this transaction, and its seq answered
			// as a duplicate if it is sent again.
			results.push({ seq: n.seq, status: 'applied', receivedAt: at });
			entries.push(deviceAuditEntry(officerId, deviceId, n.mutation));
			outcomeRows.push({
				device_id: deviceId,
				seq: n.seq,
				mutation_id: n.mutationId,
				visit_id: null,
				status: 'applied',
				code: null,
				message: null,
				at
			});
			continue;
		}
		const d = decide(n, ctx, at);
		results.push(d.result);
		const visitId = n.mutation?.visit.id ?? null;
		if (d.accepted) {
			accepted.push(d.accepted);
			const { visit } = d.accepted.mutation;
			ctx.visits.set(visit.id, {
				subjectId: visit.subjectId,
				officerId: visit.officerId,
				data: d.accepted.data,
				receivedAt: at
			});
			for (const p of visit.photos) ctx.photos.set(p.id, p);
		} else {
			// Rejections and already-received visits: so a replay of this seq gets this answer.
			const code = d.result.status === 'rejected' ? d.result.code : null;
			const message = d.result.status === 'rejected' ? d.result.message : null;
			const status = d.result.status === 'rejected' ? 'rejected' : 'duplicate';
			outcomeRows.push({
				device_id: deviceId,
				seq: n.seq,
				mutation_id: n.mutationId,
				visit_id: visitId,
				status,
				code,
				message,
				at
			});
		}
		if (d.result.status === 'applied' || d.result.status === 'rejected') {
			entries.push({
				actorId: officerId,
				deviceId,
				action: 'record-visit',
				entityId: visitId,
				outcome: d.result.status === 'applied' ? 'accepted' : 'rejected',
				detail:
					d.result.status === 'applied' ? `seq=${n.seq}` : `seq=${n.seq} code=${d.result.code}`
			});
		}
	}

	if (outcomeRows.length > 0) await outcomes.insertMany(db, outcomeRows);
	await audit.writeMany(db, entries, now);
	// Last: taking change-counter values locks the counter until commit (see reserveSeqs), so
	// every other write of the push is done before it.
	await storeAccepted(db, deviceId, accepted, now);
	return results;
}

function decide(
	n: Incoming,
	ctx: BatchContext,
	receivedAt: string
): { result: MutationResult; accepted?: Accepted } {
	if (!n.mutation) {
		return {
			result: { seq: n.seq, status: 'rejected', code: 'invalid-mutation', message: n.problem }
		};
	}
	if (n.mutation.type !== 'record-visit') throw new Error('decide() is for visits');
	const data = JSON.stringify(n.mutation.visit);
	const verdict = checkVisit(n.mutation.visit, data, ctx);
	if (verdict.kind === 'accept') {
		return {
			result: { seq: n.seq, status: 'applied', receivedAt },
			accepted: { seq: n.seq, mutation: n.mutation, data }
		};
	}
	if (verdict.kind === 'duplicate') {
		return { result: { seq: n.seq, status: 'duplicate', receivedAt: verdict.receivedAt } };
	}
	return {
		result: { seq: n.seq, status: 'rejected', code: verdict.code, message: verdict.message }
	};
}
