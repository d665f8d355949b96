import { randomUUID } from 'node:crypto';
import { passwordProblem } from '../../domain/password-rule';
import type { Role, User } from '../../domain/user';
import { hashPassword } from '../auth/password';
import * as audit from '../db/audit';
import type { Db } from '../db/connection';
import * as sessions from '../db/sessions';
import * as teams from '../db/teams';
import * as users from '../db/users';

/**
 * Account changes shared by the admin command and the users screen. Errors carry kebab-case
 * codes; neither path ever logs a password.
 */
export class AccountError extends Error {
	constructor(
		readonly code: 'weak-password' | 'conflict' | 'unknown-team' | 'not-found',
		message: string
	) {
		super(message);
	}
}

export interface NewAccount {
	username: string;
	displayName: string;
	collarNumber: string | null;
	role: Role;
	teamId: string | null;
	password: string;
	/** An account made for someone else starts with a password they must replace. */
	mustChangePassword: boolean;
}

export function checkPassword(password: string, username: string): void {
	const problem = passwordProblem(password, username);
	if (problem) throw new AccountError('weak-password', problem);
}

export async function createAccount(
	db: Db,
	input: NewAccount,
	actorId: string | null
): Promise<User> {
	checkPassword(input.password, input.username);
	if (await users.findByUsername(db, input.username)) {
		throw new AccountError('conflict', `The username ${input.username} is taken`);
	}
	if (input.teamId && !(await teams.findById(db, input.teamId))) {
		throw new AccountError('unknown-team', 'No such team');
	}
	const passwordHash = await hashPassword(input.password);
	const user: User = {
		id: randomUUID(),
		username: input.username,
		displayName: input.displayName,
		collarNumber: input.collarNumber,
		role: input.role,
		teamId: input.teamId
	};
	await db.transaction().execute(async (trx) => {
		await users.insert(trx, {
			...user,
			passwordHash,
			mustChangePassword: input.mustChangePassword
		});
		await audit.write(trx, {
			actorId,
			action: 'user-create',
			entityId: user.id,
			outcome: input.role
		});
	});
	return user;
}

/** A new password set by an administrator: every session ends and the next sign-in must change it. */
export async function resetPassword(
	db: Db,
	userId: string,
	password: string,
	actorId: string
): Promise<void> {
	const user = await users.findById(db, userId);
	if (!user) throw new AccountError('not-found', 'No such user');
	checkPassword(password, user.username);
	const passwordHash = await hashPassword(password);
	await db.transaction().execute(async (trx) => {
		await users.setPassword(trx, userId, passwordHash, true);
		await sessions.destroyAllFor(trx, userId);
		await audit.write(trx, {
			actorId,
			action: 'password-reset',
			entityId: userId,
			outcome: 'accepted'
		});
	});
}

/** The user's own change; clears the "must change" flag. */
export async function changeOwnPassword(db: Db, userId: string, password: string): Promise<void> {
	const user = await users.findById(db, userId);
	if (!user) throw new AccountError('not-found', 'No such user');
	checkPassword(password, user.username);
	const passwordHash = await hashPassword(password);
	await db.transaction().execute(async (trx) => {
		await users.setPassword(trx, userId, passwordHash, false);
		await audit.write(trx, {
			actorId: userId,
			action: 'password-change',
			entityId: userId,
			outcome: 'accepted'
		});
	});
}
