import { auditQuerySchema } from '$lib/domain/audit';
import { requireUser } from '$lib/server/auth/guard';
import { db } from '$lib/server/context';
import * as audit from '$lib/server/db/audit';
import { handler, noStore, parseWith } from '$lib/server/http';
import { findAudit, toCsv } from '$lib/server/security/audit-query';
import type { RequestHandler } from './$types';

/** The audit trail, filtered; `format=csv` downloads it (and that export is itself audited). */
export const GET: RequestHandler = handler(async ({ locals, url }) => {
	const user = requireUser(locals, 'administrator');
	const query = parseWith(auditQuerySchema, Object.fromEntries(url.searchParams), 'invalid-query');
	const database = await db();
	const rows = await findAudit(database, query);
	if (query.format !== 'csv') return noStore({ rows });
	await audit.write(database, {
		actorId: user.id,
		deviceId: locals.deviceId,
		action: 'export',
		outcome: 'accepted',
		detail: `audit-csv rows=${rows.length}`
	});
	return new Response(toCsv(rows), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': 'attachment; filename="fieldcheck-audit.csv"',
			'cache-control': 'no-store'
		}
	});
});
