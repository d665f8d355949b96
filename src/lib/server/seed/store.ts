import { hashPassword } from '../auth/password';
import type { Db } from '../db/connection';
import * as assignments from '../db/assignments';
import * as caseload from '../db/caseload';
import * as teams from '../db/teams';
import * as users from '../db/users';
import type { generateCaseload } from './generate';

type Caseload = ReturnType<typeof generateCaseload>;

/** Writes a generated caseload in one transaction: all of it or none of it. */
export async function storeCaseload(db: Db, data: Caseload): Promise<void> {
	const hashes = await hashPasswords(data);
	await db.transaction().execute((trx) => writeCaseload(trx, data, hashes));
}

/** The users' password hashes, in order: slow, so done before any transaction opens. */
export function hashPasswords(data: Caseload): Promise<string[]> {
	return Promise.all(data.users.map((u) => hashPassword(u.password)));
}

/** Writes a generated caseload inside the caller's transaction. */
export async function writeCaseload(trx: Db, data: Caseload, hashes: string[]): Promise<void> {
	const addressesBySubject = groupBy(data.addresses, (a) => a.subjectId);
	const ordersBySubject = groupBy(data.orders, (o) => o.subjectId);
	await teams.insert(trx, data.team);
	for (const [i, u] of data.users.entries()) {
		await users.insert(trx, {
			id: u.id,
			username: u.username,
			displayName: u.displayName,
			collarNumber: u.collarNumber,
			role: u.role,
			teamId: u.teamId,
			passwordHash: hashes[i]!
		});
	}
	for (const s of data.subjects) {
		await caseload.putSubject(
			trx,
			s,
			addressesBySubject.get(s.id) ?? [],
			ordersBySubject.get(s.id) ?? [],
			{ teamId: data.team.id }
		);
	}
	for (const a of data.assignments) {
		await assignments.assign(trx, a);
	}
}

function groupBy<T>(xs: T[], key: (x: T) => string): Map<string, T[]> {
	const out = new Map<string, T[]>();
	for (const x of xs) {
		const k = key(x);
		const list = out.get(k);
		if (list) list.push(x);
		else out.set(k, [x]);
	}
	return out;
}
