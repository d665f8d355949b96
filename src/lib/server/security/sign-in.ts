import type { LoginRequest } from '$lib/domain/user';
import type { Db } from '../db/connection';
import * as devices from '../db/devices';
import { ApiFailure } from '../http';
import * as audit from '../db/audit';
import { writeBounded } from './bounded-audit';
import { deviceRevoked } from './revocation';

/**
 * The device half of sign-in: a field device names itself (`deviceId`, and a name the officer
 * gives it the first time); the session will belong to it. Station browsers name none.
 */
export async function checkDeviceBeforeSignIn(
	db: Db,
	body: LoginRequest,
	address: string
): Promise<devices.DeviceRecord | undefined> {
	if (!body.deviceId) return undefined;
	const device = await devices.find(db, body.deviceId);
	if (device?.revoked) {
		// Before the password is looked at: a revoked tablet wipes itself on this answer, so
		// whoever holds it gets no chance to try passwords on it.
		await writeBounded(
			db,
			{ actorId: null, deviceId: device.id, action: 'sign-in', outcome: 'device-revoked', address },
			`${address}|${device.id}`
		);
		throw deviceRevoked();
	}
	return device;
}

export async function bindDevice(
	db: Db,
	userId: string,
	body: LoginRequest,
	known: devices.DeviceRecord | undefined,
	userAgent: string | null,
	now = new Date()
): Promise<devices.DeviceRecord | null> {
	if (!body.deviceId) return null;
	const agent = userAgent?.slice(0, 300) ?? null;
	if (!known) {
		return devices.register(db, body.deviceId, userId, now, {
			name: body.deviceName ?? null,
			userAgent: agent
		});
	}
	if (known.userId !== userId) {
		await audit.write(db, {
			actorId: userId,
			deviceId: known.id,
			action: 'sign-in',
			outcome: 'device-mismatch'
		});
		throw new ApiFailure(
			409,
			'device-mismatch',
			'This device is registered to another officer. Reset the app on this device ' +
				'(it then signs in as a new device), or ask an administrator.'
		);
	}
	await devices.signedIn(db, known.id, { name: body.deviceName ?? null, userAgent: agent }, now);
	return (await devices.find(db, known.id))!;
}
