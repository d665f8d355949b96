import type { RequestEvent } from '@sveltejs/kit';
import { DEVICE_HEADER } from '$lib/domain/device-security';
import { idSchema } from '$lib/domain/common';
import type { Db } from '../db/connection';
import * as devices from '../db/devices';
import { ApiFailure } from '../http';
import { deviceRevoked } from './revocation';

/** Routes a revoked device may still reach: health, and sign-in (which refuses it itself). */
const OPEN_ROUTES = new Set(['/api/health', '/api/auth/login']);

/**
 * The device a request comes from: its session's, else the one it names in DEVICE_HEADER.
 * Throws device-revoked for a revoked device (whose sessions have already been ended, so the
 * header is how it is recognised), and device-mismatch when the header names another device
 * than the session's. `sessionDeviceRevoked` is the session's device's state, read with the
 * session (auth/session.ts), so only a device named by the header alone is looked up here.
 */
export async function checkDevice(
	db: Db,
	event: RequestEvent,
	sessionDeviceRevoked: boolean
): Promise<string | null> {
	const raw = event.request.headers.get(DEVICE_HEADER);
	const named = raw && idSchema.safeParse(raw).success ? raw : null;
	const sessionDevice = event.locals.session?.deviceId ?? null;
	if (OPEN_ROUTES.has(event.url.pathname)) return sessionDevice ?? named;
	if (sessionDevice && named && named !== sessionDevice) {
		throw new ApiFailure(
			403,
			'device-mismatch',
			'This session belongs to another device. Sign in again on this device.'
		);
	}
	if (sessionDevice) {
		if (sessionDeviceRevoked) throw deviceRevoked();
		return sessionDevice;
	}
	if (named && (await devices.isRevoked(db, named))) throw deviceRevoked();
	return named;
}
