import { z } from 'zod';
import { auditRowSchema } from '$lib/domain/audit';
import { deviceViewSchema } from '$lib/domain/device-security';
import { visitSchema } from '$lib/domain/visit';
import { request } from '../sync/api';

/** The device-security screens' calls: station only, online, straight to the server. */

export function loadDevices() {
	return request('/api/devices', z.object({ devices: z.array(deviceViewSchema) }));
}

export function revokeDevice(id: string, reason: 'lost' | 'revoked') {
	return request(`/api/devices/${id}/revoke`, z.object({ revoked: z.boolean() }), {
		method: 'POST',
		body: { reason }
	});
}

export const heldVisitSchema = z.object({
	visitId: z.string(),
	deviceId: z.string(),
	officerId: z.string(),
	deliveredBy: z.string(),
	reason: z.string(),
	receivedAt: z.string(),
	status: z.enum(['pending', 'applied', 'dismissed']),
	decidedAt: z.string().nullable(),
	decisionCode: z.string().nullable(),
	visit: visitSchema.nullable()
});
export type HeldVisit = z.infer<typeof heldVisitSchema>;

export function loadHeld(status: 'pending' | 'applied' | 'dismissed') {
	return request(
		`/api/devices/quarantine?status=${status}`,
		z.object({ held: z.array(heldVisitSchema.loose()) })
	);
}

export function decideHeld(visitId: string, decision: 'apply' | 'dismiss') {
	return request(
		`/api/devices/quarantine/${visitId}/${decision}`,
		z.object({ status: z.string(), code: z.string().optional(), message: z.string().optional() }),
		{ method: 'POST', body: {} }
	);
}

export interface AuditFilter {
	userId?: string;
	subjectId?: string;
	deviceId?: string;
	from?: string;
	to?: string;
}

export function auditQuery(filter: AuditFilter, format: 'json' | 'csv' = 'json'): string {
	const params = new URLSearchParams();
	for (const [k, v] of Object.entries(filter)) if (v) params.set(k, v);
	if (format === 'csv') params.set('format', 'csv');
	return `/api/audit?${params}`;
}

export function loadAudit(filter: AuditFilter) {
	return request(auditQuery(filter), z.object({ rows: z.array(auditRowSchema) }));
}
