import { randomUUID } from 'node:crypto';
import { DEVICE_HEADER } from '$lib/domain/device-security';
import { PROTOCOL_VERSION } from '$lib/domain/protocol';
import { sealJson, sealedVisitAad, type SealKey } from '$lib/domain/sealed';
import type { Visit } from '$lib/domain/visit';
import { TestClient } from './client';

/** A field device: names itself on every request, and signs in as that device. */
export class DeviceClient extends TestClient {
	constructor(
		base: string,
		readonly deviceId: string = randomUUID()
	) {
		super(base);
	}

	override fetch(path: string, init: RequestInit = {}): Promise<Response> {
		const headers = new Headers(init.headers);
		headers.set(DEVICE_HEADER, this.deviceId);
		return super.fetch(path, { ...init, headers });
	}

	async signInDevice(
		username: string,
		password: string,
		deviceName = 'Car 12 tablet'
	): Promise<{ status: number; body: { sealKey: SealKey; error?: { code: string } } }> {
		return this.post('/api/auth/login', {
			username,
			password,
			deviceId: this.deviceId,
			deviceName
		}) as never;
	}
}

export async function sealVisit(key: SealKey, deviceId: string, seq: number, visit: Visit) {
	const mutation = { type: 'record-visit' as const, seq, id: randomUUID(), visit };
	return {
		id: visit.id,
		envelope: await sealJson(key, sealedVisitAad(deviceId, visit.id), { mutation, photos: [] })
	};
}

export function sealedBody(deviceId: string, items: unknown[]) {
	return { protocolVersion: PROTOCOL_VERSION, deviceId, items };
}
