import { subjectInputSchema, subjectSearchQuerySchema } from '$lib/domain/intake';
import { requireUser } from '$lib/server/auth/guard';
import { teamScope } from '$lib/server/auth/scope';
import * as records from '$lib/server/intake/records';
import { db } from '$lib/server/context';
import { handler, noStore, parseWith, readJson } from '$lib/server/http';
import type { RequestHandler } from './$types';

/** Search by name, alias, date of birth (YYYY-MM-DD or DD/MM/YYYY), reference or postcode. */
export const GET: RequestHandler = handler(async ({ locals, url }) => {
	const user = requireUser(locals, 'supervisor', 'administrator');
	const query = parseWith(
		subjectSearchQuerySchema,
		Object.fromEntries(url.searchParams),
		'invalid-query'
	);
	const subjects = await records.search(await db(), teamScope(user), query.q ?? '', query.limit);
	return noStore({ subjects });
});

export const POST: RequestHandler = handler(async ({ locals, request }) => {
	const user = requireUser(locals, 'supervisor', 'administrator');
	const input = await readJson(request, subjectInputSchema, 64 * 1024);
	const record = await records.saveSubject(await db(), teamScope(user), user.id, input);
	return noStore(record, 201);
});
