import { z } from 'zod';
import { MAX_SEALED_BYTES } from '$lib/domain/sealed';
import { requireUser } from '$lib/server/auth/guard';
import { db } from '$lib/server/context';
import { handler, noStore, readJson } from '$lib/server/http';
import { deliverSealed } from '$lib/server/sync/sealed';
import type { RequestHandler } from './$types';

/** Sealed visits from a device's sealed outbox: see docs/security.md (Sealed outbox). */
export const POST: RequestHandler = handler(async ({ locals, request }) => {
	const user = requireUser(locals, 'officer');
	// Validated inside: the protocol version is checked before the rest of the shape.
	const body = await readJson(request, z.unknown(), MAX_SEALED_BYTES);
	return noStore(await deliverSealed(await db(), user, body));
});
