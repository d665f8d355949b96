import { autoPlanRequestSchema } from '$lib/domain/operation/plan';
import { requireUser } from '$lib/server/auth/guard';
import { db } from '$lib/server/context';
import { handler, noStore, readJson } from '$lib/server/http';
import { autoPlan } from '$lib/server/operation/auto-plan';
import { operationalDayConfig } from '$lib/server/operation/config';
import * as scope from '$lib/server/operation/scope';
import type { RequestHandler } from './$types';

/** Proposes each crew's share and route; nothing is assigned until the sergeant confirms. */
export const POST: RequestHandler = handler(async ({ locals, request }) => {
	const actor = requireUser(locals, 'supervisor', 'administrator');
	const input = await readJson(request, autoPlanRequestSchema, 128 * 1024);
	const database = await db();
	const sc = scope.scopeOf(actor);
	await scope.assertOfficers(
		database,
		sc,
		input.crews.flatMap((c) => [c.officerId, ...(c.secondOfficerId ? [c.secondOfficerId] : [])])
	);
	await scope.assertSubjects(database, sc, input.subjectIds);
	return noStore(await autoPlan(database, sc, input, operationalDayConfig()));
});
