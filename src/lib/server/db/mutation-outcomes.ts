import { insertRows } from './bulk';
import type { Db } from './connection';
import { isIn, readByKeys } from './lists';
import type { MutationOutcomesTable } from './schema';

/**
 * Outcomes of device sequence numbers that left no visit row: rejections (final, and answered
 * the same way when replayed) and visits that had already arrived under another sequence.
 * Codes and ids only: the rejected content itself stays on the device.
 */
export type OutcomeRow = MutationOutcomesTable;

export async function findByDeviceSeqs(
	db: Db,
	deviceId: string,
	seqs: number[]
): Promise<OutcomeRow[]> {
	return readByKeys(db, seqs, (part) =>
		db
			.selectFrom('mutation_outcomes')
			.selectAll()
			.where('device_id', '=', deviceId)
			.where(isIn(db, 'seq', part))
			.execute()
	);
}

export async function insertMany(db: Db, rows: OutcomeRow[]): Promise<void> {
	await insertRows(db, 'mutation_outcomes', rows);
}
