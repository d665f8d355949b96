import type { AuditMutation } from '$lib/domain/sync';
import type { AuditEntry } from '../db/audit';

/** A device's own audit entry (a subject viewed offline, an unlock…) as a server audit row. */
export function deviceAuditEntry(
	officerId: string,
	deviceId: string,
	mutation: AuditMutation
): AuditEntry {
	return {
		actorId: officerId,
		deviceId,
		action: `device-${mutation.audit.action}`,
		entityId: mutation.audit.subjectId ?? null,
		outcome: 'recorded',
		deviceAt: mutation.audit.at,
		detail: `seq=${mutation.seq}`
	};
}
