import type { Kysely } from 'kysely';

/**
 * The sergeant's operation (issue 10): crews and shifts on assignments, when an assignment
 * reached the device, reviews, follow-ups, and a projection of each visit's outcome that the
 * station screens read instead of parsing every visit's JSON. Portable types only.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	// A crew is one officer or a double crew, for one shift of one operational day.
	await db.schema
		.createTable('crews')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('date', 'text', (c) => c.notNull())
		.addColumn('shift', 'text', (c) => c.notNull())
		.addColumn('operation', 'text')
		.addColumn('officer_id', 'text', (c) => c.notNull().references('users.id'))
		.addColumn('second_officer_id', 'text', (c) => c.references('users.id'))
		.addColumn('planned_minutes', 'real')
		.addColumn('created_by', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('crews_date').on('crews').columns(['date', 'shift']).execute();

	for (const [name, type] of [
		['crew_id', 'text'],
		['shift', 'text'],
		// When the officer's device first pulled this assignment (null until it has).
		['delivered_at', 'text'],
		['route_order', 'integer'],
		['planned_arrival', 'text']
	] as const) {
		await db.schema.alterTable('assignments').addColumn(name, type).execute();
	}
	await db.schema
		.createIndex('assignments_date')
		.on('assignments')
		.columns(['date', 'active'])
		.execute();
	await db.schema
		.createIndex('assignments_subject')
		.on('assignments')
		.columns(['subject_id', 'active'])
		.execute();

	await db.schema
		.createTable('visit_reviews')
		.addColumn('visit_id', 'text', (c) => c.primaryKey().references('visits.id'))
		.addColumn('reviewer_id', 'text', (c) => c.notNull().references('users.id'))
		.addColumn('comment', 'text', (c) => c.notNull())
		.addColumn('reviewed_at', 'text', (c) => c.notNull())
		.execute();

	// One per visit that found a breach: open until someone marks it dealt with.
	await db.schema
		.createTable('follow_ups')
		.addColumn('visit_id', 'text', (c) => c.primaryKey().references('visits.id'))
		.addColumn('subject_id', 'text', (c) => c.notNull().references('subjects.id'))
		.addColumn('opened_at', 'text', (c) => c.notNull())
		.addColumn('condition_types', 'text', (c) => c.notNull())
		.addColumn('dealt_with_at', 'text')
		.addColumn('dealt_with_by', 'text')
		.addColumn('note', 'text')
		.execute();
	await db.schema
		.createIndex('follow_ups_subject')
		.on('follow_ups')
		.columns(['subject_id', 'dealt_with_at'])
		.execute();

	// Written by the operation projection from `visits` (append-only, so a row never changes).
	await db.schema
		.createTable('visit_outcomes')
		.addColumn('visit_id', 'text', (c) => c.primaryKey().references('visits.id'))
		.addColumn('subject_id', 'text', (c) => c.notNull())
		.addColumn('officer_id', 'text', (c) => c.notNull())
		.addColumn('second_officer_id', 'text')
		.addColumn('op_date', 'text', (c) => c.notNull())
		.addColumn('started_at', 'text', (c) => c.notNull())
		.addColumn('received_at', 'text', (c) => c.notNull())
		.addColumn('result', 'text', (c) => c.notNull())
		.addColumn('breach_types', 'text', (c) => c.notNull())
		.addColumn('arrest_ref', 'text')
		.addColumn('safeguarding', 'integer', (c) => c.notNull())
		.addColumn('lat', 'real')
		.addColumn('lon', 'real')
		.addColumn('accuracy_m', 'real')
		.addColumn('amends', 'text')
		.execute();
	await db.schema
		.createIndex('visit_outcomes_date')
		.on('visit_outcomes')
		.column('op_date')
		.execute();

	// Each subject's latest visit by anyone: the planning list and the officers' devices read it.
	await db.schema
		.createTable('subject_last_visits')
		.addColumn('subject_id', 'text', (c) => c.primaryKey().references('subjects.id'))
		.addColumn('visit_id', 'text', (c) => c.notNull())
		.addColumn('officer_id', 'text', (c) => c.notNull())
		.addColumn('started_at', 'text', (c) => c.notNull())
		.addColumn('result', 'text', (c) => c.notNull())
		.addColumn('seq', 'integer', (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('subject_last_visits_seq')
		.on('subject_last_visits')
		.column('seq')
		.execute();

	await db.insertInto('counters').values({ name: 'operation-projection', value: 0 }).execute();
}
