import { caseloadQuerySchema } from '$lib/domain/caseload';
import { requireUser } from '$lib/server/auth/guard';
import { pullCaseload } from '$lib/server/caseload/pull';
import { maybeGzip } from '$lib/server/compress';
import { db } from '$lib/server/context';
import * as audit from '$lib/server/db/audit';
import { afterAnswer } from '$lib/server/db/side-writes';
import { coverOrders } from '$lib/server/security/zone-cover';
import { handler, noStore, parseWith } from '$lib/server/http';
import { operationalDayConfig } from '$lib/server/operation/config';
import type { RequestHandler } from './$types';

/** The signed-in officer's own caseload, incrementally. See docs/api.md. */
export const GET: RequestHandler = handler(async ({ locals, request, url }) => {
	const user = requireUser(locals, 'officer');
	const query = parseWith(
		caseloadQuerySchema,
		Object.fromEntries(url.searchParams),
		'invalid-query'
	);
	const database = await db();
	const raw = await pullCaseload(database, user.id, query.cursor, query.limit);
	// Protected premises leave the server only as covering circles.
	const page = {
		...raw,
		bundles: await coverOrders(database, raw.bundles),
		operationalDay: operationalDayConfig()
	};
	// A caseload download is audited page by page: codes and counts, never its content.
	afterAnswer('audit-caseload-download', () =>
		audit.write(database, {
			actorId: user.id,
			deviceId: locals.deviceId,
			action: 'caseload-download',
			outcome: 'accepted',
			detail: query.cursor ? 'page=next' : 'page=first'
		})
	);
	return maybeGzip(request, noStore(page));
});
