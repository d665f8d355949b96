import type { DeviceView, SessionView } from '$lib/domain/device-security';
import type { User } from '$lib/domain/user';
import type { Db } from '../db/connection';
import * as devices from '../db/devices';
import * as sessions from '../db/sessions';
import { ApiFailure } from '../http';
import { revokeDevice } from './revocation';
import { inScope, scopedUserIds } from './scope';

/** Devices a supervisor or administrator may see, with who they belong to. */
export async function listDevices(db: Db, viewer: User, now = new Date()): Promise<DeviceView[]> {
	const scope = await scopedUserIds(db, viewer);
	const [rows, people, live] = await Promise.all([
		devices.list(db, scope),
		db.selectFrom('users').select(['id', 'username', 'display_name']).execute(),
		db
			.selectFrom('sessions')
			.select(['device_id', (eb) => eb.fn.countAll<number>().as('n')])
			.where('device_id', 'is not', null)
			.where('expires_at', '>', now.toISOString())
			.groupBy('device_id')
			.execute()
	]);
	const byId = new Map(people.map((p) => [p.id, p]));
	const sessionsOf = new Map(live.map((l) => [l.device_id, Number(l.n)]));
	return rows.map((d) => ({
		id: d.id,
		userId: d.userId,
		username: byId.get(d.userId)?.username ?? '',
		displayName: byId.get(d.userId)?.display_name ?? '',
		name: d.name,
		userAgent: d.userAgent,
		firstSeenAt: d.firstSeenAt,
		lastSeenAt: d.lastSeenAt,
		status: d.revokeReason ?? (d.revoked ? 'revoked' : 'active'),
		revokedAt: d.revokedAt,
		activeSessions: sessionsOf.get(d.id) ?? 0
	}));
}

export async function revokeInScope(
	db: Db,
	viewer: User,
	deviceId: string,
	reason: 'lost' | 'revoked'
) {
	const device = await devices.find(db, deviceId);
	const scope = await scopedUserIds(db, viewer);
	if (!device || !inScope(scope, device.userId)) {
		throw new ApiFailure(404, 'not-found', 'No such device');
	}
	return revokeDevice(db, deviceId, viewer.id, reason);
}

/** The signed-in user's own sessions, newest first. */
export async function ownSessions(
	db: Db,
	userId: string,
	currentHash: string | null
): Promise<SessionView[]> {
	const list = await sessions.listOfUser(db, userId);
	const named = new Map(
		(await devices.list(db, [userId])).map((d) => [d.id, { name: d.name, agent: d.userAgent }])
	);
	return list.map((s) => ({
		id: sessions.sessionHandle(s.tokenHash),
		current: s.tokenHash === currentHash,
		deviceId: s.deviceId,
		deviceName: (s.deviceId && named.get(s.deviceId)?.name) || null,
		userAgent: (s.deviceId && named.get(s.deviceId)?.agent) || null,
		createdAt: s.createdAt,
		lastSeenAt: s.lastSeenAt,
		expiresAt: s.expiresAt
	}));
}
