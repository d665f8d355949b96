import { z } from 'zod';
import { PHOTO_CHUNK_BYTES } from '$lib/domain/sync';
import { requireUser } from '$lib/server/auth/guard';
import { db } from '$lib/server/context';
import { handler, idParam, noStore, parseWith } from '$lib/server/http';
import { readBytes } from '$lib/server/sync/body';
import * as photos from '$lib/server/sync/photos';
import type { RequestHandler } from './$types';

const querySchema = z.strictObject({ offset: z.coerce.number().int().nonnegative() });

/** One chunk of a photo at `?offset=` (which must equal the bytes the server holds). */
export const PUT: RequestHandler = handler(async ({ locals, params, request, url }) => {
	const user = requireUser(locals, 'officer');
	const id = idParam(params.id, 'photo');
	const { offset } = parseWith(querySchema, Object.fromEntries(url.searchParams), 'invalid-query');
	const chunk = await readBytes(request, 2 * PHOTO_CHUNK_BYTES);
	const result = await photos.appendChunk(await db(), user.id, id, offset, chunk);
	return noStore(result.body, result.status);
});
