import type { Mutation } from '$lib/domain/sync';
import type { Db } from '../db/connection';
import * as photos from '../db/photos';
import * as references from '../db/references';
import * as visits from '../db/visits';
import type { KnownPhoto, KnownVisit, ValidationContext } from './validate';

/** Mutable so a batch sees its own earlier visits (an amendment right after its original). */
export interface BatchContext extends ValidationContext {
	visits: Map<string, KnownVisit>;
	photos: Map<string, KnownPhoto>;
}

/** Everything the batch's visits refer to, in one look-up per table (db/lists.ts). */
export async function loadContext(
	db: Db,
	officerId: string,
	mutations: Mutation[]
): Promise<BatchContext> {
	const vs = mutations.map((m) => m.visit);
	// A day's visits name the same few subjects and addresses many times: ask for each once.
	const unique = (ids: string[]) => [...new Set(ids)];
	const subjectIds = unique(vs.map((v) => v.subjectId));
	const visitIds = unique(vs.flatMap((v) => (v.amends ? [v.id, v.amends] : [v.id])));
	const photoIds = unique(vs.flatMap((v) => v.photos.map((p) => p.id)));
	const [subjects, addressSubject, assignments, storedVisits, storedPhotos] = await Promise.all([
		references.existingSubjects(db, subjectIds),
		references.addressSubjects(db, unique(vs.map((v) => v.addressId))),
		references.assignmentsOf(db, officerId, subjectIds),
		visits.findByIds(db, visitIds),
		photoIds.length > 0 ? photos.findByIds(db, photoIds) : Promise.resolve([])
	]);
	return {
		officerId,
		subjects,
		addressSubject,
		assignments,
		visits: new Map(
			storedVisits.map((v) => [
				v.id,
				{ subjectId: v.subjectId, officerId: v.officerId, data: v.data, receivedAt: v.receivedAt }
			])
		),
		photos: new Map(storedPhotos.map((p) => [p.id, p]))
	};
}
