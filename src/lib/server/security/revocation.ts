import { json } from '@sveltejs/kit';
import type { DeviceRevokedResponse } from '$lib/domain/device-security';
import type { Db } from '../db/connection';
import * as devices from '../db/devices';
import * as sessions from '../db/sessions';
import * as audit from '../db/audit';
import { ApiFailure } from '../http';

export const REVOKED_MESSAGE =
	'This device has been reported lost or revoked. Its data has been removed from it; ' +
	'sign in again on a device that is in use.';

export function deviceRevoked(): ApiFailure {
	return new ApiFailure(403, 'device-revoked', REVOKED_MESSAGE);
}

/** The one body a revoked device gets (domain/device-security.ts documents what it does). */
export function deviceRevokedResponse(): Response {
	const body: DeviceRevokedResponse = {
		error: { code: 'device-revoked', message: REVOKED_MESSAGE, wipe: true }
	};
	return json(body, { status: 403, headers: { 'cache-control': 'no-store' } });
}

/** Marks a device lost or revoked and ends its sessions, in one transaction, and audits it. */
export async function revokeDevice(
	db: Db,
	deviceId: string,
	by: string,
	reason: 'lost' | 'revoked',
	now = new Date()
): Promise<{ revoked: boolean; sessionsEnded: number }> {
	return db.transaction().execute(async (trx) => {
		const revoked = await devices.revoke(trx, deviceId, now, by, reason);
		const sessionsEnded = await sessions.destroyAllOfDevice(trx, deviceId);
		await audit.write(
			trx,
			{
				actorId: by,
				deviceId,
				action: 'device-revoke',
				entityId: deviceId,
				outcome: revoked ? 'accepted' : 'already-revoked',
				detail: `reason=${reason} sessions=${sessionsEnded}`
			},
			now
		);
		return { revoked, sessionsEnded };
	});
}
