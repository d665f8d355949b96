import { revokeDeviceRequestSchema } from '$lib/domain/device-security';
import { requireUser } from '$lib/server/auth/guard';
import { db } from '$lib/server/context';
import { handler, idParam, noStore, readJson } from '$lib/server/http';
import { revokeInScope } from '$lib/server/security/device-list';
import type { RequestHandler } from './$types';

/** Marks a device lost or revoked: its sessions end now, and it wipes on next contact. */
export const POST: RequestHandler = handler(async ({ locals, params, request }) => {
	const user = requireUser(locals, 'supervisor', 'administrator');
	const id = idParam(params.id, 'device');
	const { reason } = await readJson(request, revokeDeviceRequestSchema, 1024);
	return noStore(await revokeInScope(await db(), user, id, reason));
});
