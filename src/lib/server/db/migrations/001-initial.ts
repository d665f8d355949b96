import { sql, type Kysely } from 'kysely';
import { serialId } from '../engine';

// Migrations take Kysely<any>: they describe the schema at their own point in history,
// not the current Database interface.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('users')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('username', 'text', (c) => c.notNull().unique())
		.addColumn('display_name', 'text', (c) => c.notNull())
		.addColumn('collar_number', 'text')
		.addColumn('role', 'text', (c) => c.notNull())
		.addColumn('password_hash', 'text', (c) => c.notNull())
		.addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute();

	await db.schema
		.createTable('sessions')
		.addColumn('token_hash', 'text', (c) => c.primaryKey())
		.addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('expires_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

	// One global change counter: every write that devices must see takes the next value, so a
	// cursor is just "the highest value I have seen".
	await db.schema
		.createTable('counters')
		.addColumn('name', 'text', (c) => c.primaryKey())
		.addColumn('value', 'integer', (c) => c.notNull())
		.execute();
	await db.insertInto('counters').values({ name: 'change', value: 0 }).execute();

	await db.schema
		.createTable('subjects')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('family_name', 'text', (c) => c.notNull())
		.addColumn('risk', 'text', (c) => c.notNull())
		.addColumn('data', 'text', (c) => c.notNull())
		.addColumn('seq', 'integer', (c) => c.notNull())
		.execute();

	await db.schema
		.createTable('addresses')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('subject_id', 'text', (c) => c.notNull().references('subjects.id'))
		.addColumn('data', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('addresses_subject').on('addresses').column('subject_id').execute();

	await db.schema
		.createTable('orders')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('subject_id', 'text', (c) => c.notNull().references('subjects.id'))
		.addColumn('status', 'text', (c) => c.notNull())
		.addColumn('version', 'integer', (c) => c.notNull())
		.addColumn('data', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('orders_subject').on('orders').column('subject_id').execute();

	await db.schema
		.createTable('assignments')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('subject_id', 'text', (c) => c.notNull().references('subjects.id'))
		.addColumn('officer_id', 'text', (c) => c.notNull().references('users.id'))
		.addColumn('date', 'text', (c) => c.notNull())
		.addColumn('operation', 'text')
		.addColumn('priority', 'integer', (c) => c.notNull())
		.addColumn('active', 'integer', (c) => c.notNull())
		.addColumn('seq', 'integer', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.addUniqueConstraint('assignments_subject_officer', ['subject_id', 'officer_id'])
		.execute();
	await db.schema
		.createIndex('assignments_officer_seq')
		.on('assignments')
		.columns(['officer_id', 'seq'])
		.execute();

	await db.schema
		.createTable('audit')
		.addColumn('id', ...serialId(db))
		.addColumn('at', 'text', (c) => c.notNull())
		.addColumn('actor_id', 'text')
		.addColumn('device_id', 'text')
		.addColumn('action', 'text', (c) => c.notNull())
		.addColumn('entity_id', 'text')
		.addColumn('outcome', 'text', (c) => c.notNull())
		.addColumn('detail', 'text')
		.execute();
	await sql`CREATE INDEX audit_at ON audit (at)`.execute(db);
}
