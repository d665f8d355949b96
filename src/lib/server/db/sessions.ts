import { createHash, randomBytes } from 'node:crypto';
import type { Db } from './connection';
import * as users from './users';

/**
 * Server sessions. Only the hash of a token is stored, so a copy of the database does not hand
 * out live sessions. A session belongs to a user and, when signed in from a field device, to
 * that device (devices.ts). Lifetimes come from auth/session-policy.ts.
 */

export function hashToken(token: string): string {
	return createHash('sha256').update(token).digest('hex');
}

/** Public handle of a session in lists: derived from the stored hash, useless as a token. */
export function sessionHandle(tokenHash: string): string {
	return tokenHash.slice(0, 24);
}

export interface SessionInfo {
	tokenHash: string;
	userId: string;
	deviceId: string | null;
	createdAt: string;
	lastSeenAt: string;
	expiresAt: string;
}

export async function create(
	db: Db,
	userId: string,
	deviceId: string | null,
	lifetimeMs: number,
	now = new Date()
): Promise<{ token: string; expiresAt: Date }> {
	const token = randomBytes(32).toString('base64url');
	const expiresAt = new Date(now.getTime() + lifetimeMs);
	await db
		.insertInto('sessions')
		.values({
			token_hash: hashToken(token),
			user_id: userId,
			device_id: deviceId,
			created_at: now.toISOString(),
			last_seen_at: now.toISOString(),
			expires_at: expiresAt.toISOString()
		})
		.execute();
	return { token, expiresAt };
}

/** A live session, its user and whether its device (if any) is revoked: one query's worth. */
export interface LiveSession {
	session: SessionInfo;
	user: users.UserRecord;
	deviceRevoked: boolean;
}

/**
 * The live session behind a token, or undefined when it is unknown, past its absolute expiry or
 * idle for longer than `idleMs`. Refreshes last_seen_at at most every `touchEveryMs`. Every API
 * request asks this, so the session, its user and its device's revocation come in one query.
 */
export async function resolve(
	db: Db,
	token: string,
	idleMs: number,
	touchEveryMs: number,
	now = new Date()
): Promise<LiveSession | undefined> {
	const tokenHash = hashToken(token);
	const row = await db
		.selectFrom('sessions as s')
		// sessions.user_id references users (on delete cascade): every session has its user.
		.innerJoin('users as u', 'u.id', 's.user_id')
		.leftJoin('devices as d', 'd.id', 's.device_id')
		.select([
			's.user_id',
			's.device_id',
			's.created_at',
			's.last_seen_at',
			's.expires_at',
			'u.username',
			'u.display_name',
			'u.collar_number',
			'u.role',
			'u.password_hash',
			'u.disabled',
			'u.created_at as user_created_at',
			'u.team_id',
			'u.must_change_password',
			'd.revoked_at as device_revoked_at'
		])
		.where('s.token_hash', '=', tokenHash)
		.executeTakeFirst();
	if (!row) return undefined;
	const lastSeen = row.last_seen_at ?? row.created_at;
	if (row.expires_at <= now.toISOString() || Date.parse(lastSeen) + idleMs <= now.getTime()) {
		await destroyHash(db, tokenHash);
		return undefined;
	}
	let lastSeenAt = lastSeen;
	if (now.getTime() - Date.parse(lastSeen) >= touchEveryMs) {
		lastSeenAt = now.toISOString();
		await db
			.updateTable('sessions')
			.set({ last_seen_at: lastSeenAt })
			.where('token_hash', '=', tokenHash)
			.execute();
	}
	return {
		session: {
			tokenHash,
			userId: row.user_id,
			deviceId: row.device_id,
			createdAt: row.created_at,
			lastSeenAt,
			expiresAt: row.expires_at
		},
		user: users.fromRow({
			id: row.user_id,
			username: row.username,
			display_name: row.display_name,
			collar_number: row.collar_number,
			role: row.role,
			password_hash: row.password_hash,
			disabled: row.disabled,
			created_at: row.user_created_at,
			team_id: row.team_id,
			must_change_password: row.must_change_password
		}),
		deviceRevoked: row.device_revoked_at != null
	};
}

export async function destroy(db: Db, token: string): Promise<void> {
	await destroyHash(db, hashToken(token));
}

export async function destroyHash(db: Db, tokenHash: string): Promise<void> {
	await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
}

/** A revoked device: its sessions end now. */
export async function destroyAllOfDevice(db: Db, deviceId: string): Promise<number> {
	const res = await db.deleteFrom('sessions').where('device_id', '=', deviceId).executeTakeFirst();
	return Number(res.numDeletedRows);
}

export async function listOfUser(db: Db, userId: string): Promise<SessionInfo[]> {
	const rows = await db
		.selectFrom('sessions')
		.selectAll()
		.where('user_id', '=', userId)
		.orderBy('created_at', 'desc')
		.execute();
	return rows.map((r) => ({
		tokenHash: r.token_hash,
		userId: r.user_id,
		deviceId: r.device_id,
		createdAt: r.created_at,
		lastSeenAt: r.last_seen_at ?? r.created_at,
		expiresAt: r.expires_at
	}));
}

export async function purgeExpired(db: Db, now = new Date()): Promise<void> {
	await db.deleteFrom('sessions').where('expires_at', '<=', now.toISOString()).execute();
}

/** Ends every session a user has, at once (disabled account, password reset). */
export async function destroyAllFor(db: Db, userId: string): Promise<number> {
	const res = await db.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
	return Number(res.numDeletedRows);
}
