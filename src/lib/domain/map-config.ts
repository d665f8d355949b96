import { z } from 'zod';
import { instantSchema } from './common';

/**
 * What the map needs to know from the server (GET /api/map/config), kept on the device so the
 * map knows it offline. See docs in README ("Map and offline basemap").
 */

export const DEFAULT_TILE_URL = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
export const DEFAULT_ATTRIBUTION = '© OpenStreetMap contributors';

/**
 * A slippy-map URL template. Only https (or plain http to this machine, for development): tile
 * requests reveal where officers are looking, so they must not travel in the clear.
 */
export const tileUrlSchema = z
	.string()
	.max(500)
	.refine((s) => ['{z}', '{x}', '{y}'].every((p) => s.includes(p)), 'Needs {z}, {x} and {y}')
	.refine((s) => {
		try {
			const url = new URL(s.replace(/\{[a-z]\}/g, '0'));
			return (
				url.protocol === 'https:' ||
				(url.protocol === 'http:' && ['localhost', '127.0.0.1'].includes(url.hostname))
			);
		} catch {
			return false;
		}
	}, 'Use an https:// URL');

export const areaPackInfoSchema = z.strictObject({
	bytes: z.number().int().positive(),
	/** Hex SHA-256 of the file: names the version, so a device knows when its copy is stale. */
	sha256: z.string().regex(/^[0-9a-f]{64}$/),
	updatedAt: instantSchema
});
export type AreaPackInfo = z.infer<typeof areaPackInfoSchema>;

export const mapConfigSchema = z.strictObject({
	/** Null when the force turned network tiles off: only the area pack is drawn. */
	tileUrl: tileUrlSchema.nullable(),
	attribution: z.string().max(300),
	areaPack: areaPackInfoSchema.nullable()
});
export type MapConfig = z.infer<typeof mapConfigSchema>;

/** Used until the device has heard from the server once. */
export const defaultMapConfig: MapConfig = {
	tileUrl: DEFAULT_TILE_URL,
	attribution: DEFAULT_ATTRIBUTION,
	areaPack: null
};
