import { exportQuerySchema } from '$lib/domain/operation/results-csv';
import { requireUser } from '$lib/server/auth/guard';
import { db } from '$lib/server/context';
import { handler, parseWith } from '$lib/server/http';
import { operationalDayConfig } from '$lib/server/operation/config';
import { resultsCsv } from '$lib/server/operation/results-export';
import { scopeOf } from '$lib/server/operation/scope';
import type { RequestHandler } from './$types';

/** The operation's results for a range of operational days, as CSV (columns in README). */
export const GET: RequestHandler = handler(async ({ locals, url }) => {
	const actor = requireUser(locals, 'supervisor', 'administrator');
	const range = parseWith(exportQuerySchema, Object.fromEntries(url.searchParams), 'invalid-query');
	const csv = await resultsCsv(await db(), scopeOf(actor), range, operationalDayConfig());
	return new Response(csv, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="fieldcheck-results-${range.from}-to-${range.to}.csv"`,
			'cache-control': 'no-store'
		}
	});
});
