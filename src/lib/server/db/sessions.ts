import { createHash, randomBytes } from 'node:crypto';
import type { Db } from './connection';

/** Sessions last a shift and a half; a device keeps working offline after expiry. */
export const SESSION_TTL_MS = 14 * 24 * 60 * 60 * 1000;

/** Only the hash is stored, so a copy of the database does not hand out live sessions. */
export function hashToken(token: string): string {
	return createHash('sha256').update(token).digest('hex');
}

export async function create(
	db: Db,
	userId: string,
	now = new Date()
): Promise<{ token: string; expiresAt: Date }> {
	const token = randomBytes(32).toString('base64url');
	const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
	await db
		.insertInto('sessions')
		.values({
			token_hash: hashToken(token),
			user_id: userId,
			created_at: now.toISOString(),
			expires_at: expiresAt.toISOString()
		})
		.execute();
	return { token, expiresAt };
}

/** The user id behind a live session token, or undefined. */
export async function resolve(
	db: Db,
	token: string,
	now = new Date()
): Promise<string | undefined> {
	const row = await db
		.selectFrom('sessions')
		.select(['user_id', 'expires_at'])
		.where('token_hash', '=', hashToken(token))
		.executeTakeFirst();
	if (!row || row.expires_at <= now.toISOString()) return undefined;
	return row.user_id;
}

export async function destroy(db: Db, token: string): Promise<void> {
	await db.deleteFrom('sessions').where('token_hash', '=', hashToken(token)).execute();
}

export async function purgeExpired(db: Db, now = new Date()): Promise<void> {
	await db.deleteFrom('sessions').where('expires_at', '<=', now.toISOString()).execute();
}

/** Ends every session a user has, at once (disabled account, password reset). */
export async function destroyAllFor(db: Db, userId: string): Promise<void> {
	await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}
