import {
	DEFAULT_ATTRIBUTION,
	DEFAULT_TILE_URL,
	tileUrlSchema,
	type MapConfig
} from '../../domain/map-config';
import { ApiFailure } from '../http';
import { areaPackFile } from './area-pack';

export interface MapEnv {
	FIELDCHECK_TILE_URL?: string;
	FIELDCHECK_TILE_ATTRIBUTION?: string;
	FIELDCHECK_AREA_PACK?: string;
}

let warned = false;

/**
 * The basemap settings for devices. A tile URL that does not validate is refused rather than
 * replaced by the default: a force that points tiles at its own server may not allow requests to
 * OpenStreetMap at all, so quietly falling back would be worse than a clear error.
 * `FIELDCHECK_TILE_URL=none` turns network tiles off (the area pack only).
 */
export async function mapConfig(env: MapEnv): Promise<MapConfig> {
	const raw = env.FIELDCHECK_TILE_URL?.trim() || DEFAULT_TILE_URL;
	let tileUrl: string | null = null;
	if (raw !== 'none') {
		const parsed = tileUrlSchema.safeParse(raw);
		if (!parsed.success) {
			if (!warned) console.error('FIELDCHECK_TILE_URL is not a valid https tile URL template');
			warned = true;
			throw new ApiFailure(500, 'internal', 'The map tile URL on the server is misconfigured');
		}
		tileUrl = parsed.data;
	}
	const pack = await areaPackFile(env.FIELDCHECK_AREA_PACK);
	return {
		tileUrl,
		attribution: env.FIELDCHECK_TILE_ATTRIBUTION?.trim() || DEFAULT_ATTRIBUTION,
		areaPack: pack && { bytes: pack.bytes, sha256: pack.sha256, updatedAt: pack.updatedAt }
	};
}
