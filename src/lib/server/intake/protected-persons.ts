import type { ProtectedPerson, ProtectedPersonInput } from '$lib/domain/protected-person';
import { assertInScope, teamForWrite, type TeamScope } from '../auth/scope';
import * as audit from '../db/audit';
import type { Db } from '../db/connection';
import * as recordChanges from '../db/record-changes';
import * as teams from '../db/teams';
import { ApiFailure } from '../http';

/**
 * Protected persons for station staff, by pseudonymous reference only. Their premises live in
 * this table and leave the server only to the station screens of their own team; what devices
 * get of a zone around them is the covering circle (security/zone-cover.ts). Every write keeps
 * the old and new version in record_changes.
 */
type Row = {
	reference: string;
	team_id: string | null;
	premises: string | null;
	updated_at: string;
};

const toPerson = (r: Row): ProtectedPerson => ({
	reference: r.reference,
	teamId: r.team_id,
	premises: r.premises ? (JSON.parse(r.premises) as ProtectedPerson['premises']) : null,
	updatedAt: r.updated_at
});

export async function list(db: Db, scope: TeamScope): Promise<ProtectedPerson[]> {
	const rows = await db
		.selectFrom('protected_persons')
		.selectAll()
		.$if(!scope.all, (q) => q.where('team_id', '=', scope.all ? '' : (scope.teamId ?? '')))
		.orderBy('reference')
		.execute();
	return rows.map(toPerson);
}

async function find(db: Db, reference: string): Promise<Row | undefined> {
	return db
		.selectFrom('protected_persons')
		.selectAll()
		.where('reference', '=', reference)
		.executeTakeFirst();
}

/** One protected person in scope, else 404 (another team's, as if absent). */
export async function load(db: Db, scope: TeamScope, reference: string): Promise<ProtectedPerson> {
	const row = await find(db, reference);
	if (!row) throw new ApiFailure(404, 'not-found', 'No such protected person');
	assertInScope(scope, row.team_id, 'protected person');
	return toPerson(row);
}

/**
 * Creates or replaces one. The reference is the key, chosen by the records system, so creating
 * one that is held (by any team) is 409 conflict.
 */
export async function save(
	db: Db,
	scope: TeamScope,
	actorId: string,
	input: ProtectedPersonInput,
	mode: 'create' | 'update'
): Promise<ProtectedPerson> {
	const existing = await find(db, input.reference);
	if (mode === 'create' && existing) {
		throw new ApiFailure(409, 'conflict', `${input.reference} is already held`);
	}
	if (mode === 'update') {
		if (!existing) throw new ApiFailure(404, 'not-found', 'No such protected person');
		assertInScope(scope, existing.team_id, 'protected person');
	}
	const teamId = teamForWrite(scope, input.teamId ?? existing?.team_id);
	if (!(await teams.findById(db, teamId)))
		throw new ApiFailure(422, 'unknown-team', 'No such team');
	const before = existing ? toPerson(existing) : undefined;
	const after: ProtectedPerson = {
		reference: input.reference,
		teamId,
		premises: input.premises,
		updatedAt: new Date().toISOString()
	};
	await db.transaction().execute(async (trx) => {
		const values = {
			team_id: teamId,
			premises: after.premises ? JSON.stringify(after.premises) : null,
			updated_at: after.updatedAt
		};
		if (existing) {
			await trx
				.updateTable('protected_persons')
				.set(values)
				.where('reference', '=', input.reference)
				.execute();
		} else {
			await trx
				.insertInto('protected_persons')
				.values({ reference: input.reference, ...values })
				.execute();
		}
		await audit.write(trx, {
			actorId,
			action: existing ? 'protected-person-update' : 'protected-person-create',
			outcome: 'accepted'
		});
		await recordChanges.write(trx, {
			actorId,
			entity: 'protected-person',
			entityId: input.reference,
			action: existing ? 'update' : 'create',
			before,
			after
		});
	});
	return after;
}
