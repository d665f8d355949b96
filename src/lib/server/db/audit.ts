import { insertRows } from './bulk';
import type { Db } from './connection';

export interface AuditEntry {
	actorId: string | null;
	deviceId?: string | null;
	action: string;
	entityId?: string | null;
	outcome: string;
	/** Codes and ids only: never names, addresses or free text about people. */
	detail?: string | null;
	/** The device's clock, for entries the device recorded itself. */
	deviceAt?: string | null;
	/** The client's network address (sign-ins, refusals). */
	address?: string | null;
}

export function toRow(e: AuditEntry, at: string) {
	return {
		at,
		actor_id: e.actorId,
		device_id: e.deviceId ?? null,
		action: e.action,
		entity_id: e.entityId ?? null,
		outcome: e.outcome,
		detail: e.detail ?? null,
		device_at: e.deviceAt ?? null,
		address: e.address ?? null
	};
}

export async function write(db: Db, e: AuditEntry, at = new Date()): Promise<void> {
	await db.insertInto('audit').values(toRow(e, at.toISOString())).execute();
}

/** Many entries in few statements: a sync push audits every one of up to 1,000 mutations. */
export async function writeMany(db: Db, entries: AuditEntry[], at = new Date()): Promise<void> {
	const when = at.toISOString();
	await insertRows(
		db,
		'audit',
		entries.map((e) => toRow(e, when))
	);
}
