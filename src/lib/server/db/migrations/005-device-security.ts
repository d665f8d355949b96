import type { Kysely } from 'kysely';

/**
 * Device security (issue 8): the server's sealing key pair and secrets, devices and their
 * sessions, the visit chain, sealed items held for review, and bounded audit. Portable types
 * only (contracts.md): text, integer; instants as ISO-8601 text; booleans 0/1.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	// The private half of the sealing key lives here and nowhere else (never sent, never logged).
	await db.schema
		.createTable('server_keys')
		.addColumn('kid', 'text', (c) => c.primaryKey())
		.addColumn('purpose', 'text', (c) => c.notNull())
		.addColumn('public_jwk', 'text', (c) => c.notNull())
		.addColumn('private_jwk', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute();

	// Random server secrets by name (e.g. the key that moves protected-premises zones).
	await db.schema
		.createTable('server_secrets')
		.addColumn('name', 'text', (c) => c.primaryKey())
		.addColumn('value', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute();

	// registered_at (002) is "first seen".
	await db.schema.alterTable('devices').addColumn('name', 'text').execute();
	await db.schema.alterTable('devices').addColumn('user_agent', 'text').execute();
	await db.schema.alterTable('devices').addColumn('last_seen_at', 'text').execute();
	/** 'lost' or 'revoked' once revoked_at is set. */
	await db.schema.alterTable('devices').addColumn('revoke_reason', 'text').execute();
	await db.schema.alterTable('devices').addColumn('revoked_by', 'text').execute();

	await db.schema.alterTable('sessions').addColumn('device_id', 'text').execute();
	await db.schema.alterTable('sessions').addColumn('last_seen_at', 'text').execute();
	await db.schema.createIndex('sessions_device').on('sessions').column('device_id').execute();

	await db.schema.alterTable('visits').addColumn('hash', 'text').execute();
	await db.schema.alterTable('visits').addColumn('prev_hash', 'text').execute();
	/** ok | unchained | hash-mismatch | gap | fork | restarted (server/sync/chain.ts). */
	await db.schema.alterTable('visits').addColumn('chain_status', 'text').execute();
	/** JSON: the server's own protected-premises check of the visit position (zone-check.ts). */
	await db.schema.alterTable('visits').addColumn('zone_check', 'text').execute();
	await db.schema
		.alterTable('visits')
		.addColumn('sealed', 'integer', (c) => c.notNull().defaultTo(0))
		.execute();
	await db.schema
		.createIndex('visits_device_hash')
		.on('visits')
		.columns(['device_id', 'hash'])
		.execute();

	// Sealed visits delivered for a revoked device (or by another officer): held, decrypted,
	// until a supervisor applies or dismisses them. One row per visit id.
	await db.schema
		.createTable('quarantine')
		.addColumn('visit_id', 'text', (c) => c.primaryKey())
		.addColumn('device_id', 'text', (c) => c.notNull())
		.addColumn('officer_id', 'text', (c) => c.notNull())
		.addColumn('delivered_by', 'text', (c) => c.notNull())
		.addColumn('reason', 'text', (c) => c.notNull())
		.addColumn('payload', 'text', (c) => c.notNull())
		.addColumn('received_at', 'text', (c) => c.notNull())
		.addColumn('status', 'text', (c) => c.notNull())
		.addColumn('decided_by', 'text')
		.addColumn('decided_at', 'text')
		.addColumn('decision_code', 'text')
		.execute();
	await db.schema.createIndex('quarantine_status').on('quarantine').column('status').execute();

	// Audit: the device's own clock for device entries, the client address for sign-ins, and an
	// aggregation key so a flood of one kind of event updates a counter instead of adding rows.
	await db.schema.alterTable('audit').addColumn('device_at', 'text').execute();
	await db.schema.alterTable('audit').addColumn('address', 'text').execute();
	await db.schema
		.alterTable('audit')
		.addColumn('count', 'integer', (c) => c.notNull().defaultTo(1))
		.execute();
	await db.schema.alterTable('audit').addColumn('agg_key', 'text').execute();
	await db.schema.createIndex('audit_agg_key').unique().on('audit').column('agg_key').execute();
	await db.schema.createIndex('audit_actor').on('audit').columns(['actor_id', 'at']).execute();
	await db.schema.createIndex('audit_entity').on('audit').columns(['entity_id', 'at']).execute();
	await db.schema.createIndex('audit_device').on('audit').columns(['device_id', 'at']).execute();
}
