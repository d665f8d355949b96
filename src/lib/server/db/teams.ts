import type { Team } from '$lib/domain/user';
import type { Db } from './connection';

export async function list(db: Db): Promise<Team[]> {
	return db.selectFrom('teams').select(['id', 'name']).orderBy('name').execute();
}

export async function findById(db: Db, id: string): Promise<Team | undefined> {
	return db.selectFrom('teams').select(['id', 'name']).where('id', '=', id).executeTakeFirst();
}

export async function findByName(db: Db, name: string): Promise<Team | undefined> {
	return db.selectFrom('teams').select(['id', 'name']).where('name', '=', name).executeTakeFirst();
}

export async function insert(db: Db, team: Team, at = new Date()): Promise<void> {
	await db
		.insertInto('teams')
		.values({ id: team.id, name: team.name, created_at: at.toISOString() })
		.execute();
}
