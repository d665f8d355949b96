import { env } from '$env/dynamic/private';
import { requireUser } from '$lib/server/auth/guard';
import { ApiFailure, handler } from '$lib/server/http';
import { areaPackFile, serveAreaPack } from '$lib/server/map/area-pack';
import type { RequestHandler } from './$types';

/** The offline basemap (PMTiles), in byte ranges so a device can resume an interrupted download. */
export const GET: RequestHandler = handler(async ({ locals, request }) => {
	requireUser(locals);
	const file = await areaPackFile(env.FIELDCHECK_AREA_PACK);
	if (!file) throw new ApiFailure(404, 'not-found', 'No area pack has been placed on the server');
	return serveAreaPack(request, file);
});
