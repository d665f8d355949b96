import { z } from 'zod';
import { createAssignmentSchema } from '$lib/domain/assignment';
import { idSchema, isoDateSchema } from '$lib/domain/common';
import { requireUser } from '$lib/server/auth/guard';
import { teamScope } from '$lib/server/auth/scope';
import * as assignments from '$lib/server/db/assignments';
import * as audit from '$lib/server/db/audit';
import { db } from '$lib/server/context';
import { retire } from '$lib/server/operation/assign';
import { handler, noStore, parseWith, readJson } from '$lib/server/http';
import * as staffScope from '$lib/server/intake/assignment-scope';
import { assertSubjectVisible } from '$lib/server/operation/scope';
import type { RequestHandler } from './$types';

const listQuerySchema = z.strictObject({
	officerId: idSchema.optional(),
	date: isoDateSchema.optional()
});

export const GET: RequestHandler = handler(async ({ locals, url }) => {
	const scope = teamScope(requireUser(locals, 'supervisor', 'administrator'));
	const filter = parseWith(listQuerySchema, Object.fromEntries(url.searchParams), 'invalid-query');
	const database = await db();
	if (filter.officerId) await staffScope.assertOfficer(database, scope, filter.officerId);
	const teamId = staffScope.listTeam(scope);
	if (teamId === null) return noStore({ assignments: [] });
	return noStore({ assignments: await assignments.list(database, { ...filter, teamId }) });
});

/** Supervisors and administrators assign subjects; devices follow on their next pull. */
export const POST: RequestHandler = handler(async ({ locals, request }) => {
	const actor = requireUser(locals, 'supervisor', 'administrator');
	const input = await readJson(request, createAssignmentSchema);
	const database = await db();
	// Another team's officer or subject is 404, as if it did not exist.
	const scope = teamScope(actor);
	await staffScope.assertOfficer(database, scope, input.officerId);
	await assertSubjectVisible(database, scope, input.subjectId);
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
