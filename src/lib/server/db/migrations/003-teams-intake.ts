import type { Kysely } from 'kysely';
import { serialId } from '../engine';

/**
 * Teams, first-administrator and intake support (issue 9). Portable types only, so the same
 * schema runs on PostgreSQL: text ids, integer 0/1 flags, JSON and instants as text.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('teams')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('name', 'text', (c) => c.notNull().unique())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute();

	// Administrators may have no team; they see every team.
	await db.schema
		.alterTable('users')
		.addColumn('team_id', 'text', (c) => c.references('teams.id'))
		.execute();
	// Set by an administrator's password reset: the next sign-in must choose a new password.
	await db.schema
		.alterTable('users')
		.addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0))
		.execute();

	// Every subject belongs to one team; supervisors only see their own team's subjects.
	await db.schema
		.alterTable('subjects')
		.addColumn('team_id', 'text', (c) => c.references('teams.id'))
		.execute();
	// Lower-case names, aliases, date of birth, references and postcodes, for staff search.
	await db.schema
		.alterTable('subjects')
		.addColumn('search', 'text', (c) => c.notNull().defaultTo(''))
		.execute();
	await db.schema.createIndex('subjects_team').on('subjects').column('team_id').execute();

	// The records system's own references → our ids, so a re-import updates rather than
	// duplicates. `kind` is subject | address | order | condition.
	await db.schema
		.createTable('record_refs')
		.addColumn('kind', 'text', (c) => c.notNull())
		.addColumn('reference', 'text', (c) => c.notNull())
		.addColumn('id', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('record_refs_pk', ['kind', 'reference'])
		.execute();
	await db.schema.createIndex('record_refs_id').on('record_refs').column('id').execute();

	// Every version an order has had. `orders` keeps the current one; a visit names the version
	// it was checked against, which stays readable here after a variation.
	await db.schema
		.createTable('order_versions')
		// No foreign key: an order's rows are rewritten on re-import, its history is never dropped.
		.addColumn('order_id', 'text', (c) => c.notNull())
		.addColumn('version', 'integer', (c) => c.notNull())
		.addColumn('status', 'text', (c) => c.notNull())
		.addColumn('data', 'text', (c) => c.notNull())
		.addColumn('recorded_at', 'text', (c) => c.notNull())
		.addColumn('recorded_by', 'text')
		.addPrimaryKeyConstraint('order_versions_pk', ['order_id', 'version'])
		.execute();

	// Victims by pseudonymous reference only. Their premises stay on the server.
	await db.schema
		.createTable('protected_persons')
		.addColumn('reference', 'text', (c) => c.primaryKey())
		.addColumn('team_id', 'text', (c) => c.references('teams.id'))
		.addColumn('premises', 'text')
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.execute();

	// Who changed which record, when, and its old and new version (JSON), for intake screens
	// and imports. Kept apart from `audit`, whose detail never holds personal data.
	await db.schema
		.createTable('record_changes')
		.addColumn('id', ...serialId(db))
		.addColumn('at', 'text', (c) => c.notNull())
		.addColumn('actor_id', 'text')
		.addColumn('entity', 'text', (c) => c.notNull())
		.addColumn('entity_id', 'text', (c) => c.notNull())
		.addColumn('action', 'text', (c) => c.notNull())
		.addColumn('before', 'text')
		.addColumn('after', 'text')
		.execute();
	await db.schema
		.createIndex('record_changes_entity')
		.on('record_changes')
		.column('entity_id')
		.execute();
}
