import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, TestClient } from './client';
import { DeviceClient, sealedBody, sealVisit } from './device-helpers';
import { startServer, type RunningServer } from './server';
import {
	count,
	officerOf,
	pushBody,
	mutations,
	query,
	SYNC_SERVER_ENV,
	visitFor
} from './sync-helpers';

let server: RunningServer;
beforeAll(async () => {
	server = await startServer(SYNC_SERVER_ENV);
});
afterAll(() => server.dispose());

type Err = { error: { code: string; wipe?: boolean } };

async function sergeant() {
	const s = new TestClient(server.url);
	await s.signIn(...DEMO.sergeant);
	return s;
}

describe('devices and sessions', () => {
	it('registers the device at sign-in and gives it the server seal key', async () => {
		const d = new DeviceClient(server.url);
		const res = await d.signInDevice(...DEMO.officer1);
		expect(res.status).toBe(200);
		expect(res.body.sealKey.jwk).toMatchObject({ kty: 'EC', crv: 'P-256' });
		expect(res.body.sealKey.jwk).not.toHaveProperty('d');
		const me = await d.json<{ sealKey: unknown; deviceId: string }>('/api/me');
		expect(me.body.sealKey).toEqual(res.body.sealKey);
		expect(me.body.deviceId).toBe(d.deviceId);
		const own = await d.json<{ sessions: { deviceName: string; current: boolean }[] }>(
			'/api/sessions'
		);
		expect(own.body.sessions.find((s) => s.current)?.deviceName).toBe('Car 12 tablet');
		const row = (
			await query<{ name: string; user_agent: string }>(
				server,
				'SELECT name, user_agent FROM devices WHERE id = ?',
				d.deviceId
			)
		)[0];
		expect(row?.name).toBe('Car 12 tablet');
	});

	it('refuses a push for another device than the session belongs to, writing nothing', async () => {
		const d = new DeviceClient(server.url);
		await d.signInDevice(...DEMO.officer1);
		const o = await officerOf(d);
		const other = crypto.randomUUID();
		const before = await count(server, 'visits');
		const res = await d.post('/api/sync/push', pushBody(other, mutations([visitFor(o)])));
		expect(res.status).toBe(403);
		expect((res.body as Err).error.code).toBe('device-mismatch');
		expect(await count(server, 'visits')).toBe(before);
	});

	it('signs out everywhere: every session of the user ends', async () => {
		const a = new DeviceClient(server.url);
		const b = new DeviceClient(server.url);
		await a.signInDevice(...DEMO.officer3);
		await b.signInDevice(...DEMO.officer3);
		const res = await a.fetch('/api/sessions', { method: 'DELETE' });
		expect(res.status).toBe(200);
		expect((await a.json('/api/me')).status).toBe(401);
		expect((await b.json('/api/me')).status).toBe(401);
	});
});

describe('revocation', () => {
	it('ends the sessions at once, refuses the device with device-revoked, and quarantines its sealed visits', async () => {
		const lost = new DeviceClient(server.url);
		const { body } = await lost.signInDevice(...DEMO.officer2);
		const o = await officerOf(lost);
		const s = await sergeant();
		const list = await s.json<{ devices: { id: string; status: string }[] }>('/api/devices');
		expect(list.body.devices.find((d) => d.id === lost.deviceId)?.status).toBe('active');

		const revoked = await s.post(`/api/devices/${lost.deviceId}/revoke`, { reason: 'lost' });
		expect(revoked.body).toMatchObject({ revoked: true, sessionsEnded: 1 });
		expect(await count(server, 'sessions', 'device_id = ?', lost.deviceId)).toBe(0);

		for (const path of ['/api/caseload', '/api/me']) {
			const res = await lost.json<Err>(path);
			expect(res.status, path).toBe(403);
			expect(res.body.error).toMatchObject({ code: 'device-revoked', wipe: true });
		}
		const again = await lost.signInDevice(...DEMO.officer2);
		expect(again.status).toBe(403);
		expect(again.body.error?.code).toBe('device-revoked');

		// After its wipe the tablet signs in as a new device and delivers what it had sealed.
		const fresh = new DeviceClient(server.url);
		await fresh.signInDevice(...DEMO.officer2);
		const visit = visitFor(o);
		const item = await sealVisit(body.sealKey, lost.deviceId, 1, visit);
		const delivered = await fresh.post('/api/sync/sealed', sealedBody(lost.deviceId, [item]));
		expect(delivered.body).toEqual({
			results: [
				expect.objectContaining({ id: visit.id, status: 'quarantined', code: 'device-revoked' })
			]
		});
		expect(await count(server, 'visits', 'id = ?', visit.id)).toBe(0);

		const held = await s.json<{ held: { visitId: string }[] }>(
			'/api/devices/quarantine?status=pending'
		);
		expect(held.body.held.map((h) => h.visitId)).toContain(visit.id);
		const applied = await s.post(`/api/devices/quarantine/${visit.id}/apply`, {});
		expect(applied.body).toEqual({ status: 'applied' });
		expect(await count(server, 'visits', 'id = ? AND sealed = 1', visit.id)).toBe(1);
		const twice = await s.post(`/api/devices/quarantine/${visit.id}/apply`, {});
		expect((twice.body as Err).error.code).toBe('conflict');
	});

	it('lets only supervisors and administrators revoke', async () => {
		const d = new DeviceClient(server.url);
		await d.signInDevice(...DEMO.officer1);
		const res = await d.post(`/api/devices/${d.deviceId}/revoke`, { reason: 'lost' });
		expect(res.status).toBe(403);
		expect(await count(server, 'devices', 'id = ? AND revoked_at IS NOT NULL', d.deviceId)).toBe(0);
	});
});

describe('sealed delivery', () => {
	it('applies a sealed visit exactly once, and refuses a tampered one', async () => {
		const d = new DeviceClient(server.url);
		const { body } = await d.signInDevice(...DEMO.officer1);
		const o = await officerOf(d);
		const visit = visitFor(o);
		const item = await sealVisit(body.sealKey, d.deviceId, 1, visit);
		const first = await d.post('/api/sync/sealed', sealedBody(d.deviceId, [item]));
		expect(first.body).toEqual({ results: [{ id: visit.id, status: 'applied' }] });
		const second = await d.post('/api/sync/sealed', sealedBody(d.deviceId, [item]));
		expect(second.body).toEqual({ results: [{ id: visit.id, status: 'duplicate' }] });
		// The same visit pushed normally afterwards is a duplicate too.
		const pushed = await d.post('/api/sync/push', pushBody(d.deviceId, mutations([visit])));
		expect((pushed.body as { results: { status: string }[] }).results[0]?.status).toBe('duplicate');
		expect(await count(server, 'visits', 'id = ?', visit.id)).toBe(1);

		const other = visitFor(o, 1);
		const good = await sealVisit(body.sealKey, d.deviceId, 2, other);
		const ct = good.envelope.ct;
		const tampered = {
			...good,
			envelope: { ...good.envelope, ct: (ct[0] === 'A' ? 'B' : 'A') + ct.slice(1) }
		};
		const res = await d.post('/api/sync/sealed', sealedBody(d.deviceId, [tampered]));
		expect(res.body).toEqual({
			results: [
				expect.objectContaining({ id: other.id, status: 'rejected', code: 'seal-open-failed' })
			]
		});
		// Sealed for one visit id, delivered as another: the AAD does not match.
		const moved = { ...good, id: crypto.randomUUID() };
		const res2 = await d.post('/api/sync/sealed', sealedBody(d.deviceId, [moved]));
		expect((res2.body as { results: { code: string }[] }).results[0]?.code).toBe(
			'seal-open-failed'
		);
		expect(await count(server, 'visits', 'id = ?', other.id)).toBe(0);
	});
});
