import type { Db } from './connection';

export interface AuditEntry {
	actorId: string | null;
	deviceId?: string | null;
	action: string;
	entityId?: string | null;
	outcome: string;
	/** Codes and ids only: never names, addresses or free text about people. */
	detail?: string | null;
}

export async function write(db: Db, e: AuditEntry, at = new Date()): Promise<void> {
	await db
		.insertInto('audit')
		.values({
			at: at.toISOString(),
			actor_id: e.actorId,
			device_id: e.deviceId ?? null,
			action: e.action,
			entity_id: e.entityId ?? null,
			outcome: e.outcome,
			detail: e.detail ?? null
		})
		.execute();
}
