import type { RequestEvent } from '@sveltejs/kit';
import type { Db } from '../db/connection';
import { writeBounded } from './bounded-audit';

const AUDITED = new Set([401, 403, 404]);

/** Every refused API request (401/403/404) is audited, bounded against floods. */
export async function auditRefusal(db: Db, event: RequestEvent, response: Response): Promise<void> {
	if (!AUDITED.has(response.status)) return;
	let address: string | null = null;
	try {
		address = event.getClientAddress();
	} catch {
		// Not behind a socket (e.g. during prerendering): nothing to record.
	}
	const route = event.route.id ?? 'unknown-route';
	const actor = event.locals.user?.id ?? null;
	await writeBounded(
		db,
		{
			actorId: actor,
			deviceId: event.locals.deviceId,
			action: 'refused',
			outcome: String(response.status),
			address,
			// The route pattern and method, never the path (it can carry ids of anything).
			detail: `${event.request.method} ${route}`
		},
		`${actor ?? address ?? '-'}|${event.request.method} ${route}`
	);
}
