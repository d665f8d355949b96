import { protectedPersonInputSchema } from '$lib/domain/protected-person';
import { protectedPersonRefSchema } from '$lib/domain/subject';
import { requireUser } from '$lib/server/auth/guard';
import { teamScope } from '$lib/server/auth/scope';
import { db } from '$lib/server/context';
import { ApiFailure, handler, noStore, readJson } from '$lib/server/http';
import * as protectedPersons from '$lib/server/intake/protected-persons';
import type { RequestHandler } from './$types';

function referenceParam(raw: string | undefined): string {
	const parsed = protectedPersonRefSchema.safeParse(raw);
	if (!parsed.success) throw new ApiFailure(404, 'not-found', 'No such protected person');
	return parsed.data;
}

export const GET: RequestHandler = handler(async ({ locals, params }) => {
	const user = requireUser(locals, 'supervisor', 'administrator');
	const reference = referenceParam(params.reference);
	const found = await protectedPersons.load(await db(), teamScope(user), reference);
	return noStore({ protectedPerson: found });
});

/** Replaces the premises (and, for an administrator, the team). The reference never changes. */
export const PUT: RequestHandler = handler(async ({ locals, params, request }) => {
	const user = requireUser(locals, 'supervisor', 'administrator');
	const reference = referenceParam(params.reference);
	const input = await readJson(request, protectedPersonInputSchema, 8 * 1024);
	if (input.reference !== reference) {
		throw new ApiFailure(
			400,
			'invalid-body',
			'The reference in the body is not the one in the path'
		);
	}
	const saved = await protectedPersons.save(await db(), teamScope(user), user.id, input, 'update');
	return noStore({ protectedPerson: saved });
});
