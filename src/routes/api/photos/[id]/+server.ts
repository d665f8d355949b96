import { photoDeclarationSchema } from '$lib/domain/sync';
import { requireUser } from '$lib/server/auth/guard';
import { db } from '$lib/server/context';
import { handler, idParam, noStore, readJson } from '$lib/server/http';
import * as photos from '$lib/server/sync/photos';
import type { RequestHandler } from './$types';

/** How much of the photo has arrived: resume the upload from `received`. */
export const GET: RequestHandler = handler(async ({ locals, params }) => {
	const user = requireUser(locals, 'officer');
	return noStore(await photos.status(await db(), user.id, idParam(params.id, 'photo')));
});

/** Declares (idempotently) the upload of a photo named by one of the officer's visits. */
export const PUT: RequestHandler = handler(async ({ locals, params, request }) => {
	const user = requireUser(locals, 'officer');
	const id = idParam(params.id, 'photo');
	const body = await readJson(request, photoDeclarationSchema, 4 * 1024);
	return noStore(await photos.declare(await db(), user.id, id, body));
});
