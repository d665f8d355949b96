import type { Db } from './connection';

/** One change to a subject, order, protected person or user by a station user or an import: old and new version. */
export async function write(
	db: Db,
	change: {
		actorId: string | null;
		entity: 'subject' | 'order' | 'protected-person';
		entityId: string;
		action: string;
		before: unknown;
		after: unknown;
	},
	at = new Date()
): Promise<void> {
	await db
		.insertInto('record_changes')
		.values({
			at: at.toISOString(),
			actor_id: change.actorId,
			entity: change.entity,
			entity_id: change.entityId,
			action: change.action,
			before: change.before === undefined ? null : JSON.stringify(change.before),
			after: change.after === undefined ? null : JSON.stringify(change.after)
		})
		.execute();
}
