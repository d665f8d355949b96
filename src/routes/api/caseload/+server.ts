import { caseloadQuerySchema } from '$lib/domain/caseload';
import { requireUser } from '$lib/server/auth/guard';
import { pullCaseload } from '$lib/server/caseload/pull';
import { maybeGzip } from '$lib/server/compress';
import { db } from '$lib/server/context';
import { handler, noStore, parseWith } from '$lib/server/http';
import type { RequestHandler } from './$types';

/** The signed-in officer's own caseload, incrementally. See docs/api.md. */
export const GET: RequestHandler = handler(async ({ locals, request, url }) => {
	const user = requireUser(locals, 'officer');
	const query = parseWith(
		caseloadQuerySchema,
		Object.fromEntries(url.searchParams),
		'invalid-query'
	);
	const page = await pullCaseload(await db(), user.id, query.cursor, query.limit);
	return maybeGzip(request, noStore(page));
});
