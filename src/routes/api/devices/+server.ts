import { requireUser } from '$lib/server/auth/guard';
import { db } from '$lib/server/context';
import { handler, noStore } from '$lib/server/http';
import { listDevices } from '$lib/server/security/device-list';
import type { RequestHandler } from './$types';

/** Registered field devices (team-scoped for supervisors, see security/scope.ts). */
export const GET: RequestHandler = handler(async ({ locals }) => {
	const user = requireUser(locals, 'supervisor', 'administrator');
	return noStore({ devices: await listDevices(await db(), user) });
});
