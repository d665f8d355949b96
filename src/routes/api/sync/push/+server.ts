import { z } from 'zod';
import { MAX_PUSH_BYTES } from '$lib/domain/sync';
import { requireUser } from '$lib/server/auth/guard';
import { db } from '$lib/server/context';
import { handler, noStore, readJson } from '$lib/server/http';
import * as sync from '$lib/server/sync/push';
import type { RequestHandler } from './$types';

/** Sync protocol v1 push: see docs/sync-protocol.md. */
export const POST: RequestHandler = handler(async ({ locals, request }) => {
	const user = requireUser(locals, 'officer');
	// Validated inside: the protocol version is checked before the rest of the shape.
	const body = await readJson(request, z.unknown(), MAX_PUSH_BYTES);
	return noStore(
		await sync.push(await db(), user.id, body, new Date(), locals.session?.deviceId ?? null)
	);
});
