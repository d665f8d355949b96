import { defaultMapConfig, mapConfigSchema, type MapConfig } from '$lib/domain/map-config';
import * as mapValues from '../db/map-values';
import { ApiError, request } from '../sync/api';

/**
 * The basemap settings: the server's when it can be reached, else the copy kept from last time,
 * else the built-in default (OpenStreetMap), so the map works offline from its first opening.
 */
class MapSettings {
	config = $state.raw<MapConfig>(defaultMapConfig);
	/** Whether these settings came from the server, now or earlier. */
	known = $state(false);

	async load(): Promise<void> {
		const kept = await mapValues.mapConfig.get();
		if (kept) {
			this.config = kept;
			this.known = true;
		}
		await this.refresh();
	}

	/** @returns whether the server answered. */
	async refresh(): Promise<boolean> {
		try {
			const fresh = await request('/api/map/config', mapConfigSchema);
			await mapValues.mapConfig.set(fresh);
			this.config = fresh;
			this.known = true;
			return true;
		} catch (e) {
			// Offline or refused: keep what we have, the map still works.
			if (e instanceof ApiError) return false;
			throw e;
		}
	}
}

export const mapSettings = new MapSettings();
