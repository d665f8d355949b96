import type { Role, User } from '$lib/domain/user';
import type { Db } from './connection';
import type { UsersTable } from './schema';

export interface UserRecord extends User {
	passwordHash: string;
	disabled: boolean;
}

function toRecord(row: UsersTable): UserRecord {
	return {
		id: row.id,
		username: row.username,
		displayName: row.display_name,
		collarNumber: row.collar_number,
		role: row.role,
		passwordHash: row.password_hash,
		disabled: row.disabled === 1
	};
}

export function toPublicUser(u: UserRecord): User {
	return {
		id: u.id,
		username: u.username,
		displayName: u.displayName,
		collarNumber: u.collarNumber,
		role: u.role
	};
}

export async function findByUsername(db: Db, username: string): Promise<UserRecord | undefined> {
	const row = await db
		.selectFrom('users')
		.selectAll()
		.where('username', '=', username)
		.executeTakeFirst();
	return row && toRecord(row);
}

export async function findById(db: Db, id: string): Promise<UserRecord | undefined> {
	const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
	return row && toRecord(row);
}

export async function insert(
	db: Db,
	u: Omit<UserRecord, 'disabled'> & { disabled?: boolean }
): Promise<void> {
	await db
		.insertInto('users')
		.values({
			id: u.id,
			username: u.username,
			display_name: u.displayName,
			collar_number: u.collarNumber,
			role: u.role,
			password_hash: u.passwordHash,
			disabled: u.disabled ? 1 : 0,
			created_at: new Date().toISOString()
		})
		.execute();
}

export async function listByRole(db: Db, role: Role): Promise<User[]> {
	const rows = await db
		.selectFrom('users')
		.selectAll()
		.where('role', '=', role)
		.where('disabled', '=', 0)
		.orderBy('username')
		.execute();
	return rows.map((r) => toPublicUser(toRecord(r)));
}

export async function count(db: Db): Promise<number> {
	const row = await db
		.selectFrom('users')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.executeTakeFirstOrThrow();
	return Number(row.n);
}
