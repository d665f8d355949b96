import { PROTOCOL_VERSION } from '$lib/domain/protocol';
import { pushResponseSchema, type MutationResult } from '$lib/domain/sync';
import { deviceId as ourDeviceId } from '../db/sync-values';
import { applyPushResults, noteAttempt, outboxBatch } from '../db/visits-store';
import { ApiError, request } from './api';

export const PUSH_BATCH = 100;

export interface PushProgress {
	sent: number;
	total: number;
}

/**
 * Sends the outbox oldest first, batch by batch, until it is empty or the server defers.
 * Safe to repeat at any point: the server answers a replay with 'duplicate'.
 */
export async function pushOutbox(
	total: number,
	onProgress: (p: PushProgress) => void = () => {}
): Promise<MutationResult[]> {
	const deviceId = await ourDeviceId();
	const all: MutationResult[] = [];
	let sent = 0;
	for (;;) {
		const batch = await outboxBatch(PUSH_BATCH);
		if (batch.length === 0) return all;
		const seqs = batch.map((e) => e.seq);
		let response;
		try {
			response = await request('/api/sync/push', pushResponseSchema, {
				method: 'POST',
				body: {
					protocolVersion: PROTOCOL_VERSION,
					deviceId,
					mutations: batch.map((e) => e.mutation)
				}
			});
		} catch (e) {
			await noteAttempt(seqs, e instanceof ApiError ? e.message : 'failed');
			throw e;
		}
		await applyPushResults(response.results);
		all.push(...response.results);
		const done = response.results.filter((r) => r.status !== 'deferred').length;
		sent += done;
		onProgress({ sent, total: Math.max(total, sent) });
		// Deferred means the server is missing an earlier sequence number; whatever is left is
		// sent again next round, oldest first. Stop here rather than loop on the same batch.
		if (done === 0) return all;
	}
}
