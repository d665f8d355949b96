import type { Role, User } from '$lib/domain/user';
import type { Db } from './connection';
import type { UsersTable } from './schema';

export interface UserRecord extends User {
	passwordHash: string;
	disabled: boolean;
	mustChangePassword: boolean;
}

/** What the users screen shows: never the password hash. */
export type UserSummary = User & { disabled: boolean; mustChangePassword: boolean };

export function fromRow(row: UsersTable): UserRecord {
	return {
		id: row.id,
		username: row.username,
		displayName: row.display_name,
		collarNumber: row.collar_number,
		role: row.role,
		teamId: row.team_id,
		passwordHash: row.password_hash,
		disabled: row.disabled === 1,
		mustChangePassword: row.must_change_password === 1
	};
}

export function toPublicUser(u: UserRecord): User {
	return {
		id: u.id,
		username: u.username,
		displayName: u.displayName,
		collarNumber: u.collarNumber,
		role: u.role,
		teamId: u.teamId
	};
}

export function toSummary(u: UserRecord): UserSummary {
	return { ...toPublicUser(u), disabled: u.disabled, mustChangePassword: u.mustChangePassword };
}

export async function findByUsername(db: Db, username: string): Promise<UserRecord | undefined> {
	const row = await db
		.selectFrom('users')
		.selectAll()
		.where('username', '=', username)
		.executeTakeFirst();
	return row && fromRow(row);
}

export async function findById(db: Db, id: string): Promise<UserRecord | undefined> {
	const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
	return row && fromRow(row);
}

export async function insert(
	db: Db,
	u: Omit<UserRecord, 'disabled' | 'mustChangePassword'> & {
		disabled?: boolean;
		mustChangePassword?: boolean;
	}
): Promise<void> {
	await db
		.insertInto('users')
		.values({
			id: u.id,
			username: u.username,
			display_name: u.displayName,
			collar_number: u.collarNumber,
			role: u.role,
			team_id: u.teamId,
			password_hash: u.passwordHash,
			disabled: u.disabled ? 1 : 0,
			must_change_password: u.mustChangePassword ? 1 : 0,
			created_at: new Date().toISOString()
		})
		.execute();
}

/** Active users with this role; `teamId` narrows to one team (undefined: every team). */
export async function listByRole(db: Db, role: Role, teamId?: string | null): Promise<User[]> {
	const rows = await db
		.selectFrom('users')
		.selectAll()
		.where('role', '=', role)
		.where('disabled', '=', 0)
		// `IS <value>` is SQLite only: PostgreSQL takes IS for NULL alone.
		.$if(teamId === null, (q) => q.where('team_id', 'is', null))
		.$if(typeof teamId === 'string', (q) => q.where('team_id', '=', teamId ?? ''))
		.orderBy('username')
		.execute();
	return rows.map((r) => toPublicUser(fromRow(r)));
}

/** Every account, disabled ones included (they are never deleted). */
export async function listAll(db: Db): Promise<UserSummary[]> {
	const rows = await db.selectFrom('users').selectAll().orderBy('username').execute();
	return rows.map((r) => toSummary(fromRow(r)));
}

export interface UserChange {
	role?: Role;
	teamId?: string | null;
	displayName?: string;
	collarNumber?: string | null;
	disabled?: boolean;
}

export async function update(db: Db, id: string, change: UserChange): Promise<void> {
	await db
		.updateTable('users')
		.set({
			...(change.role !== undefined && { role: change.role }),
			...(change.teamId !== undefined && { team_id: change.teamId }),
			...(change.displayName !== undefined && { display_name: change.displayName }),
			...(change.collarNumber !== undefined && { collar_number: change.collarNumber }),
			...(change.disabled !== undefined && { disabled: change.disabled ? 1 : 0 })
		})
		.where('id', '=', id)
		.execute();
}

/** A new password hash; `mustChange` makes the next sign-in ask for another. */
export async function setPassword(
	db: Db,
	id: string,
	passwordHash: string,
	mustChange: boolean
): Promise<void> {
	await db
		.updateTable('users')
		.set({ password_hash: passwordHash, must_change_password: mustChange ? 1 : 0 })
		.where('id', '=', id)
		.execute();
}

export async function count(db: Db): Promise<number> {
	const row = await db
		.selectFrom('users')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.executeTakeFirstOrThrow();
	return Number(row.n);
}
