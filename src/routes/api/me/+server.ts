import { requireUser } from '$lib/server/auth/guard';
import { publicSealKey } from '$lib/server/crypto/seal-keys';
import { db } from '$lib/server/context';
import { handler, noStore } from '$lib/server/http';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = handler(async ({ locals }) =>
	noStore({
		user: requireUser(locals),
		sealKey: await publicSealKey(await db()),
		deviceId: locals.session?.deviceId ?? null
	})
);
