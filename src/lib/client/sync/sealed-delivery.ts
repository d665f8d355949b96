import { z } from 'zod';
import { idSchema } from '$lib/domain/common';
import { PROTOCOL_VERSION } from '$lib/domain/protocol';
import type { SealedItem } from '../db/database';
import { deviceIdValue } from '../db/sync-values';
import { forgetSealed, sealedItems } from '../db/sealed-store';
import { request } from './api';

const sealedResultsSchema = z.object({
	results: z.array(
		z.object({
			id: idSchema,
			status: z.enum(['applied', 'duplicate', 'quarantined', 'rejected']),
			code: z.string().optional(),
			message: z.string().optional()
		})
	)
});

/** Answers after which the server holds the visit (or a supervisor will decide on it). */
const DONE = new Set(['applied', 'duplicate', 'quarantined']);

/**
 * Delivers sealed visits left by an earlier identity of this device (a wipe forgets the
 * outbox and the device id; sealed copies stay). Visits still in this identity's outbox go by
 * the ordinary push, whose answer also retires their sealed copy.
 */
export async function deliverSealed(): Promise<number> {
	const current = await deviceIdValue.get();
	const byDevice = new Map<string, SealedItem[]>();
	for (const item of await sealedItems()) {
		if (item.deviceId === current) continue;
		byDevice.set(item.deviceId, [...(byDevice.get(item.deviceId) ?? []), item]);
	}
	let delivered = 0;
	for (const [deviceId, items] of byDevice) {
		const { results } = await request('/api/sync/sealed', sealedResultsSchema, {
			method: 'POST',
			body: {
				protocolVersion: PROTOCOL_VERSION,
				deviceId,
				items: items.map((i) => ({ id: i.id, envelope: i.envelope }))
			}
		});
		const done = results.filter((r) => DONE.has(r.status)).map((r) => r.id);
		await forgetSealed(done);
		delivered += done.length;
	}
	return delivered;
}
