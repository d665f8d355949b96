import { draftSummaries, type DraftSummary } from '../db/drafts-store';
import { listVisits } from '../db/visits-store';
import { requestPersistence, storageInfo, type StorageInfo } from '../media/storage';
import { Live } from './live.svelte';
import { nowIso } from './time';
import type { StoredVisit } from './visit-record.svelte';

/** Every visit on the device and where it stands, plus the device's storage health. */
export class OutboxView {
	readonly #visits = new Live<StoredVisit[]>(listVisits, []);
	readonly #drafts = new Live<DraftSummary[]>(draftSummaries, []);
	storage = $state<StorageInfo | null>(null);

	get visits(): StoredVisit[] {
		return this.#visits.current;
	}

	get drafts(): DraftSummary[] {
		return this.#drafts.current;
	}

	async loadStorage(): Promise<void> {
		this.storage = await storageInfo();
	}

	async askPersistence(): Promise<void> {
		await requestPersistence();
		this.storage = await storageInfo();
	}
}

/** A rejected visit, as a file for manual handling (the device keeps its copy too). */
export function exportVisit(record: StoredVisit): void {
	const body = JSON.stringify(
		{
			exportedAt: nowIso(),
			state: record.state,
			rejection: record.rejection,
			visit: record.visit
		},
		null,
		2
	);
	const url = URL.createObjectURL(new Blob([body], { type: 'application/json' }));
	const a = document.createElement('a');
	a.href = url;
	a.download = `fieldcheck-visit-${record.id}.json`;
	a.click();
	setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
