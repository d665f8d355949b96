import type { SubjectBundle } from '$lib/domain/caseload';
import { subjectDisplayName } from '$lib/domain/subject';
import { finaliseDraft, type DraftProblem, type VisitDraft } from '$lib/domain/visit-draft';
import type { User } from '$lib/domain/user';
import { getSubject } from '../db/caseload-store';
import * as drafts from '../db/drafts-store';
import { finaliseVisit } from '../db/visits-store';
import { currentPosition } from '../media/position';
import { processPhoto } from '../media/photo';
import { photoFailureMessage, photoFailureReason } from '../media/photo-failure';
import { isQuotaError, QUOTA_MESSAGE } from '../media/storage';
import { knownOfficers } from '../sync/auth';
import { requestBackgroundSync } from '../sync/background-sync';
import { DraftWriter } from './draft-writer';
import { syncStatus } from './sync-status.svelte';
import { nowIso } from './time';

export interface PhotoPreview {
	id: string;
	url: string;
	bytes: number;
}

/**
 * The visit being recorded. Changes are saved on the device coalesced (see DraftWriter): a
 * crash loses at most the last few hundred milliseconds of typing, and leaving the field, the
 * page or the app saves at once. Finalising saves what is pending, then is one durable
 * transaction.
 */
export class VisitForm {
	draft = $state<VisitDraft | null>(null);
	bundle = $state.raw<SubjectBundle | null>(null);
	photos = $state<PhotoPreview[]>([]);
	officers = $state.raw<User[]>([]);
	problems = $state<DraftProblem[]>([]);
	error = $state<string | null>(null);
	locating = $state(false);
	/** Every change so far is on the device (false while a save is pending). */
	saved = $state(true);
	#changes = 0;
	/** Set only once the visit and its outbox entry have committed. */
	savedOnDevice = $state(false);
	readonly #writer = new DraftWriter(() => this.#persist(() => this.#saveNow()));

	async load(id: string): Promise<boolean> {
		const draft = await drafts.getDraft(id);
		if (!draft) return false;
		this.draft = draft;
		this.bundle = (await getSubject(draft.subjectId)) ?? null;
		this.officers = (await knownOfficers()).filter((o) => o.id !== draft.officerId);
		const stored = await drafts.photosFor(id);
		this.photos = stored.map((p) => ({
			id: p.id,
			url: URL.createObjectURL(p.blob),
			bytes: p.bytes
		}));
		return true;
	}

	dispose(): void {
		void this.#writer.flush();
		for (const p of this.photos) URL.revokeObjectURL(p.url);
	}

	/** Saves what is pending now: on leaving a field, hiding the page or leaving it. */
	flush(): Promise<void> {
		return this.#writer.flush();
	}

	/** The draft as it is now (not as it was when the save was asked for). */
	#snapshot(): VisitDraft | null {
		return this.draft ? ($state.snapshot(this.draft) as VisitDraft) : null;
	}

	async #saveNow(): Promise<void> {
		const draft = this.#snapshot();
		const upTo = this.#changes;
		if (draft) await drafts.saveDraft(draft);
		if (this.#changes === upTo) this.saved = true;
	}

	/** Once finalising starts, the draft is frozen: late GPS fixes and photos are ignored. */
	#locked = false;

	/** Applies a change at once on screen; it is saved within the writer's interval. */
	update(change: (d: VisitDraft) => void): void {
		if (!this.draft || this.#locked) return;
		change(this.draft);
		this.#changes += 1;
		this.saved = false;
		this.#writer.changed();
	}

	async #persist(write: () => Promise<unknown>): Promise<void> {
		try {
			await write();
			this.error = null;
		} catch (e) {
			this.error = isQuotaError(e) ? QUOTA_MESSAGE : 'Could not save on this device: try again';
		}
	}

	async locate(): Promise<void> {
		this.locating = true;
		const { state, fix } = await currentPosition();
		this.locating = false;
		this.update((d) => {
			d.positionState = state;
			d.position = fix;
		});
	}

	/**
	 * Adds every chosen photo, one after another, or says which were not added and why. The
	 * files are copied first: an input's FileList is live, and clearing the input empties it.
	 */
	async addPhotos(chosen: FileList | File[]): Promise<void> {
		const files = [...chosen];
		const failures: { name: string; reason: string }[] = [];
		for (const file of files) {
			if (!this.draft || this.#locked) {
				failures.push({ name: file.name, reason: 'the visit had already been finalised' });
				continue;
			}
			try {
				const processed = await processPhoto(file);
				const { blob, ...ref } = processed;
				// After any pending save and before the next, so neither overwrites the photo list.
				await this.#writer.exclusive(async () => {
					const draft = this.#snapshot();
					if (!draft || !this.draft) return;
					const next = await drafts.addPhoto(
						{ ...ref, blob, visitId: draft.id, takenAt: nowIso(), uploaded: 0, complete: 0 },
						draft
					);
					this.draft.photoIds = next.photoIds;
				});
				this.photos.push({ id: ref.id, url: URL.createObjectURL(blob), bytes: ref.bytes });
			} catch (e) {
				failures.push({ name: file.name, reason: photoFailureReason(e) });
			}
		}
		this.error = photoFailureMessage(files.length, failures);
	}

	async removePhoto(id: string): Promise<void> {
		if (!this.draft || this.#locked) return;
		await this.#writer.exclusive(async () => {
			const draft = this.#snapshot();
			if (!draft || !this.draft) return;
			this.draft.photoIds = (await drafts.removePhoto(id, draft)).photoIds;
		});
		const gone = this.photos.find((p) => p.id === id);
		if (gone) URL.revokeObjectURL(gone.url);
		this.photos = this.photos.filter((p) => p.id !== id);
	}

	/** Locks the visit: after this it is never edited, only amended. */
	async finalise(): Promise<boolean> {
		// A double tap with gloves must not finalise twice.
		if (!this.draft || !this.bundle || this.#locked) return false;
		this.#locked = true;
		try {
			return await this.#finalise(this.draft, this.bundle);
		} finally {
			if (!this.savedOnDevice) this.#locked = false;
		}
	}

	async #finalise(current: VisitDraft, bundle: SubjectBundle): Promise<boolean> {
		// Whatever was typed last is on disk before the visit is made from it.
		await this.#writer.flush();
		const draft = $state.snapshot(current) as VisitDraft;
		const photoRecords = await drafts.photosFor(draft.id);
		const refs = photoRecords.map(({ id, sha256, bytes, mimeType, width, height }) => ({
			id,
			sha256,
			bytes,
			mimeType,
			width,
			height
		}));
		const result = finaliseDraft(draft, refs);
		if (!result.ok) {
			this.problems = result.problems;
			return false;
		}
		try {
			await finaliseVisit(result.visit, subjectDisplayName(bundle.subject));
		} catch (e) {
			this.error = isQuotaError(e) ? QUOTA_MESSAGE : 'Could not save on this device: try again';
			return false;
		}
		this.problems = [];
		this.savedOnDevice = true;
		void requestBackgroundSync();
		void syncStatus.syncNow();
		return true;
	}

	async discard(): Promise<void> {
		if (!this.draft) return;
		await this.#writer.cancel();
		await drafts.discardDraft(this.draft.id);
		this.dispose();
		this.draft = null;
	}
}
