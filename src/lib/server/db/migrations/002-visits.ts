import type { Kysely } from 'kysely';
import { engineOf } from '../engine';

/**
 * Visits pushed by devices (sync protocol v1) and their photos. Plain types and constraints
 * only, so the same schema works on PostgreSQL (text → text, blob → bytea).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	const bytes = engineOf(db) === 'postgres' ? 'bytea' : 'blob';
	// A device belongs to one officer from its first push; `last_seq` is the highest mutation
	// sequence it has had applied or rejected, stored in the same transaction as the mutations.
	await db.schema
		.createTable('devices')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
		.addColumn('last_seq', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('registered_at', 'text', (c) => c.notNull())
		.addColumn('revoked_at', 'text')
		.execute();
	await db.schema.createIndex('devices_user').on('devices').column('user_id').execute();

	// Append-only: a row is written once and never updated. A correction is a new row whose
	// `amends` points at the visit it corrects.
	await db.schema
		.createTable('visits')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('mutation_id', 'text', (c) => c.notNull())
		.addColumn('device_id', 'text', (c) => c.notNull().references('devices.id'))
		.addColumn('device_seq', 'integer', (c) => c.notNull())
		.addColumn('officer_id', 'text', (c) => c.notNull().references('users.id'))
		.addColumn('subject_id', 'text', (c) => c.notNull().references('subjects.id'))
		.addColumn('address_id', 'text', (c) => c.notNull())
		.addColumn('amends', 'text', (c) => c.references('visits.id'))
		.addColumn('started_at', 'text', (c) => c.notNull())
		.addColumn('result', 'text', (c) => c.notNull())
		// The global change counter's value at receipt: the caseload feed's cursor covers it.
		.addColumn('seq', 'integer', (c) => c.notNull().unique())
		.addColumn('received_at', 'text', (c) => c.notNull())
		.addColumn('data', 'text', (c) => c.notNull())
		.addUniqueConstraint('visits_device_seq', ['device_id', 'device_seq'])
		.execute();
	await db.schema
		.createIndex('visits_officer_seq')
		.on('visits')
		.columns(['officer_id', 'seq'])
		.execute();
	await db.schema.createIndex('visits_subject').on('visits').column('subject_id').execute();

	// What a device's sequence numbers led to when no visit row records it (a rejection, or a
	// visit that had already arrived under another sequence), so a replay gets the same answer.
	await db.schema
		.createTable('mutation_outcomes')
		.addColumn('device_id', 'text', (c) => c.notNull().references('devices.id'))
		.addColumn('seq', 'integer', (c) => c.notNull())
		.addColumn('mutation_id', 'text')
		.addColumn('visit_id', 'text')
		.addColumn('status', 'text', (c) => c.notNull())
		.addColumn('code', 'text')
		.addColumn('message', 'text')
		.addColumn('at', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('mutation_outcomes_pk', ['device_id', 'seq'])
		.execute();

	// Photo content, stored once per SHA-256 however many photos share it.
	await db.schema
		.createTable('photo_blobs')
		.addColumn('sha256', 'text', (c) => c.primaryKey())
		.addColumn('bytes', 'integer', (c) => c.notNull())
		.addColumn('data', bytes, (c) => c.notNull())
		.addColumn('stored_at', 'text', (c) => c.notNull())
		.execute();

	// A photo a visit refers to, and how much of it has arrived. `seq` takes a change-counter
	// value when the upload completes, so the caseload feed re-confirms the visit's receipt.
	await db.schema
		.createTable('photos')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('sha256', 'text', (c) => c.notNull())
		.addColumn('bytes', 'integer', (c) => c.notNull())
		.addColumn('mime_type', 'text', (c) => c.notNull())
		.addColumn('received', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('completed_at', 'text')
		.addColumn('seq', 'integer')
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('photos_seq').on('photos').column('seq').execute();

	await db.schema
		.createTable('visit_photos')
		.addColumn('visit_id', 'text', (c) => c.notNull().references('visits.id'))
		.addColumn('photo_id', 'text', (c) => c.notNull().references('photos.id'))
		.addPrimaryKeyConstraint('visit_photos_pk', ['visit_id', 'photo_id'])
		.execute();
	await db.schema.createIndex('visit_photos_photo').on('visit_photos').column('photo_id').execute();

	// Chunks of an upload in progress, deleted once the whole photo is verified.
	await db.schema
		.createTable('photo_chunks')
		.addColumn('photo_id', 'text', (c) => c.notNull().references('photos.id'))
		.addColumn('offset', 'integer', (c) => c.notNull())
		.addColumn('data', bytes, (c) => c.notNull())
		.addPrimaryKeyConstraint('photo_chunks_pk', ['photo_id', 'offset'])
		.execute();
}
