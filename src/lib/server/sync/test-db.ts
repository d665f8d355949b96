import Sqlite from 'better-sqlite3';
import type { Caseload } from '../seed/generate';
import { generateCaseload } from '../seed/generate';
import { storeCaseload } from '../seed/store';
import { kyselyOver, migrate, openDatabase, type Db } from '../db/connection';

/**
 * Real SQLite databases for the sync tests and the benchmark: a migrated, seeded template in
 * memory, copied byte for byte into a fresh database for every test case (no mocks).
 */
export interface Seeded {
	caseload: Caseload;
	template: Buffer;
}

export async function seedTemplate(subjects = 12, officers = 2): Promise<Seeded> {
	const { db, raw } = await openDatabase('sqlite::memory:');
	const caseload = generateCaseload({
		seed: 'sync-tests',
		subjects,
		officers,
		today: '2026-11-27'
	});
	await storeCaseload(db, caseload);
	const template = raw.serialize();
	await db.destroy();
	return { caseload, template };
}

export async function cloneDb(template: Buffer): Promise<{ db: Db; raw: Sqlite.Database }> {
	const raw = new Sqlite(template);
	raw.pragma('foreign_keys = ON');
	const db = kyselyOver(raw);
	await migrate(db);
	return { db, raw };
}

/** Officer ids and, for each, the subjects assigned to them with one of their addresses. */
export function officersOf(caseload: Caseload) {
	return caseload.users
		.filter((u) => u.role === 'officer')
		.map((u) => ({
			id: u.id,
			subjects: caseload.assignments
				.filter((a) => a.officerId === u.id)
				.map((a) => ({
					subjectId: a.subjectId,
					addressId: caseload.addresses.find((ad) => ad.subjectId === a.subjectId)!.id
				}))
		}));
}
