import { z } from 'zod';
import { requireUser } from '$lib/server/auth/guard';
import { db } from '$lib/server/context';
import { handler, noStore, parseWith } from '$lib/server/http';
import { listHeld } from '$lib/server/security/quarantine';
import type { RequestHandler } from './$types';

const querySchema = z.strictObject({
	status: z.enum(['pending', 'applied', 'dismissed']).optional()
});

/** Sealed visits held for review (a revoked device's, or delivered by another officer). */
export const GET: RequestHandler = handler(async ({ locals, url }) => {
	const user = requireUser(locals, 'supervisor', 'administrator');
	const { status } = parseWith(querySchema, Object.fromEntries(url.searchParams), 'invalid-query');
	return noStore({ held: await listHeld(await db(), user, status) });
});
