import { z } from 'zod';
import { createAssignmentSchema } from '$lib/domain/assignment';
import { idSchema, isoDateSchema } from '$lib/domain/common';
import { requireUser } from '$lib/server/auth/guard';
import * as assignments from '$lib/server/db/assignments';
import * as audit from '$lib/server/db/audit';
import * as caseload from '$lib/server/db/caseload';
import * as users from '$lib/server/db/users';
import { db } from '$lib/server/context';
import { retire } from '$lib/server/operation/assign';
import { ApiFailure, handler, noStore, parseWith, readJson } from '$lib/server/http';
import type { RequestHandler } from './$types';

const listQuerySchema = z.strictObject({
	officerId: idSchema.optional(),
	date: isoDateSchema.optional()
});

export const GET: RequestHandler = handler(async ({ locals, url }) => {
	requireUser(locals, 'supervisor', 'administrator');
	const filter = parseWith(listQuerySchema, Object.fromEntries(url.searchParams), 'invalid-query');
	return noStore({ assignments: await assignments.list(await db(), filter) });
});

/** Supervisors and administrators assign subjects; devices follow on their next pull. */
export const POST: RequestHandler = handler(async ({ locals, request }) => {
	const actor = requireUser(locals, 'supervisor', 'administrator');
	const input = await readJson(request, createAssignmentSchema);
	const database = await db();
	const officer = await users.findById(database, input.officerId);
	if (!officer || officer.role !== 'officer' || officer.disabled) {
		throw new ApiFailure(422, 'unknown-officer', 'Assign to an active officer account');
	}
	if (!(await caseload.subjectExists(database, input.subjectId))) {
		throw new ApiFailure(422, 'unknown-subject', 'No such subject');
	}
	const assignment = await database.transaction().execute(async (trx) => {
		// Assigning moves the subject: no other officer keeps it for that day.
		await retire(trx, input.subjectId, input.date, [input.officerId], new Date().toISOString());
		const a = await assignments.assign(trx, input);
		await audit.write(trx, {
			actorId: actor.id,
			action: 'assign',
			entityId: a.id,
			outcome: 'accepted'
		});
		return a;
	});
	return noStore({ assignment }, 201);
});
