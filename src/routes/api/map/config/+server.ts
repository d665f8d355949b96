import { env } from '$env/dynamic/private';
import { requireUser } from '$lib/server/auth/guard';
import { handler, noStore } from '$lib/server/http';
import { mapConfig } from '$lib/server/map/config';
import type { RequestHandler } from './$types';

/** Basemap tile URL, attribution and the area pack on offer. See README, "Map and offline basemap". */
export const GET: RequestHandler = handler(async ({ locals }) => {
	requireUser(locals);
	return noStore(
		await mapConfig({
			FIELDCHECK_TILE_URL: env.FIELDCHECK_TILE_URL,
			FIELDCHECK_TILE_ATTRIBUTION: env.FIELDCHECK_TILE_ATTRIBUTION,
			FIELDCHECK_AREA_PACK: env.FIELDCHECK_AREA_PACK
		})
	);
});
