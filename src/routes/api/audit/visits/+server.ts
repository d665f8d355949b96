import { z } from 'zod';
import { idSchema } from '$lib/domain/common';
import { requireUser } from '$lib/server/auth/guard';
import { db } from '$lib/server/context';
import { handler, noStore, parseWith } from '$lib/server/http';
import { visitIntegrity } from '$lib/server/security/audit-query';
import type { RequestHandler } from './$types';

const querySchema = z.strictObject({
	flagged: z.enum(['0', '1']).optional(),
	deviceId: idSchema.optional()
});

/** Each visit's hash, chain verification and server zone check (supervisors, administrators). */
export const GET: RequestHandler = handler(async ({ locals, url }) => {
	requireUser(locals, 'supervisor', 'administrator');
	const q = parseWith(querySchema, Object.fromEntries(url.searchParams), 'invalid-query');
	return noStore({ visits: await visitIntegrity(await db(), q.flagged === '1', q.deviceId) });
});
