import type { AreaPackInfo } from '$lib/domain/map-config';
import * as store from '../db/area-pack-store';
import type { StoredAreaPack } from '../db/database';
import { AreaPackDownloadError, downloadAreaPack } from '../map/area-pack-download';
import { storageInfo } from '../media/storage';
import { mapSettings } from './map-config.svelte';

export type AreaPackPhase = 'none' | 'partial' | 'downloading' | 'complete';

/**
 * The offline area pack on this device and its download. One instance for the app, so a
 * download started on the map carries on if the officer opens another page meanwhile.
 */
class AreaPack {
	stored = $state<StoredAreaPack | null>(null);
	downloading = $state(false);
	message = $state<string | null>(null);
	/** Bumped when a pack completes or is removed, so the map reopens it. */
	revision = $state(0);
	#abort: AbortController | null = null;

	get phase(): AreaPackPhase {
		if (this.downloading) return 'downloading';
		if (!this.stored) return 'none';
		return this.stored.complete ? 'complete' : 'partial';
	}

	/** The server offers a different version from the one on this device. */
	updateAvailable(offered: AreaPackInfo | null): boolean {
		return offered !== null && this.stored !== null && this.stored.sha256 !== offered.sha256;
	}

	async load(): Promise<void> {
		this.stored = (await store.areaPackProgress()) ?? null;
	}

	blob(): Promise<Blob | null> {
		return store.areaPackBlob();
	}

	async download(): Promise<void> {
		if (this.downloading) return;
		this.downloading = true;
		this.message = null;
		this.#abort = new AbortController();
		try {
			// Ask the server which version it has now: a pack may have been replaced since.
			await mapSettings.refresh();
			const offered = mapSettings.config.areaPack;
			if (!offered) throw new AreaPackDownloadError('not-found', 'The server offers no area pack');
			if (!(await this.#roomFor(offered))) return;
			await this.#run(offered).catch(async (e: unknown) => {
				// Replaced on the server mid-download: start the new version once, from the top.
				if (!(e instanceof AreaPackDownloadError && e.code === 'changed')) throw e;
				await mapSettings.refresh();
				const latest = mapSettings.config.areaPack;
				if (!latest) throw e;
				await store.removeAreaPack();
				await this.#run(latest);
			});
			this.revision += 1;
		} catch (e) {
			this.message = this.#explain(e);
		} finally {
			this.downloading = false;
			this.#abort = null;
			await this.load();
		}
	}

	cancel(): void {
		this.#abort?.abort();
	}

	async remove(): Promise<void> {
		this.cancel();
		await store.removeAreaPack();
		this.message = null;
		this.revision += 1;
		await this.load();
	}

	async #run(offered: AreaPackInfo): Promise<void> {
		await downloadAreaPack(offered, {
			signal: this.#abort?.signal,
			onProgress: (p) => (this.stored = p)
		});
	}

	async #roomFor(offered: AreaPackInfo): Promise<boolean> {
		const info = await storageInfo().catch(() => null);
		const needed =
			offered.bytes - (this.stored?.sha256 === offered.sha256 ? this.stored.received : 0);
		if (!info?.quota || info.usage === null) return true;
		if (info.quota - info.usage > needed) return true;
		this.message = 'This device does not have enough free storage for the area pack.';
		return false;
	}

	#explain(e: unknown): string {
		if (e instanceof DOMException && e.name === 'AbortError') {
			return 'Download stopped. It carries on from where it stopped when you resume.';
		}
		if (!(e instanceof AreaPackDownloadError)) return 'The area pack could not be saved: try again';
		if (e.code === 'offline') {
			return 'The download was interrupted. Resume it when you have signal (at the station).';
		}
		return e.message;
	}
}

export const areaPack = new AreaPack();
