import { z } from 'zod';
import { instantSchema } from '$lib/domain/common';
import { mapConfigSchema } from '$lib/domain/map-config';
import type { MapSubject } from '../map/map-points';
import type { StoredAreaPack } from './database';
import { storedValue } from './meta';

/** What the map keeps on the device. */

/** The basemap settings last heard from the server, so the map knows them offline. */
export const mapConfig = storedValue('mapConfig', mapConfigSchema);

const storedAreaPackSchema: z.ZodType<StoredAreaPack> = z.object({
	sha256: z.string(),
	bytes: z.number().int().nonnegative(),
	updatedAt: instantSchema,
	etag: z.string(),
	received: z.number().int().nonnegative(),
	complete: z.boolean()
});
/** The offline area pack, complete or part-downloaded (its bytes are in areaPackChunks). */
export const areaPack = storedValue('areaPack', storedAreaPackSchema);

/**
 * The caseload as the map needs it, for the caseload at `cursor` (rebuilt when that moves).
 * A cache of up to 10,000 entries: the envelope is parsed, and `version` (MAP_SUBJECT_VERSION)
 * stands for the entries' shape, since parsing each one would cost what the cache saves.
 */
export const mapSubjects = storedValue(
	'mapSubjects',
	z.object({
		version: z.number().int(),
		cursor: z.string(),
		subjects: z.array(z.custom<MapSubject>((s) => typeof s === 'object' && s !== null))
	})
);
