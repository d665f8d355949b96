import { requireUser } from '$lib/server/auth/guard';
import { db } from '$lib/server/context';
import { handler, idParam, noStore } from '$lib/server/http';
import { applyHeld } from '$lib/server/security/quarantine';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = handler(async ({ locals, params }) => {
	const user = requireUser(locals, 'supervisor', 'administrator');
	return noStore(await applyHeld(await db(), user, idParam(params.id, 'held visit')));
});
