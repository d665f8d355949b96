import { importFiles } from '$lib/domain/import-templates';
import { requireUser } from '$lib/server/auth/guard';
import { teamScope } from '$lib/server/auth/scope';
import { exportCsv } from '$lib/server/intake/import/export';
import { db } from '$lib/server/context';
import { ApiFailure, handler } from '$lib/server/http';
import type { RequestHandler } from './$types';

/** One import template filled with the caseload in the user's scope (subjects.csv, …). */
export const GET: RequestHandler = handler(async ({ locals, params }) => {
	const user = requireUser(locals, 'supervisor', 'administrator');
	const file = importFiles.find((f) => `${f}.csv` === params.file);
	if (!file) throw new ApiFailure(404, 'not-found', 'No such export');
	const csv = (await exportCsv(await db(), teamScope(user)))[file];
	return new Response(csv, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${file}.csv"`,
			'cache-control': 'no-store'
		}
	});
});
