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
	mutations: Mutation[],
	now = new Date()
): Promise<BatchContext> {
	// A day's visits name the same few subjects and addresses many times; the look-ups ask for
	// each once (readByKeys in db/lists.ts), and skip an empty list.
	const vs = mutations.flatMap((m) => (m.type === 'record-visit' ? [m.visit] : []));
	const subjectIds = vs.map((v) => v.subjectId);
	const [subjects, addressSubject, assignments, storedVisits, storedPhotos, users, orderSubject] =
		await Promise.all([
			references.existingSubjects(db, subjectIds),
			references.addressSubjects(
				db,
				vs.map((v) => v.addressId)
			),
			references.assignmentsOf(db, officerId, subjectIds),
			visits.findByIds(
				db,
				vs.flatMap((v) => (v.amends ? [v.id, v.amends] : [v.id]))
			),
			photos.findByIds(
				db,
				vs.flatMap((v) => v.photos.map((p) => p.id))
			),
			references.existingUsers(
				db,
				vs.flatMap((v) => (v.secondOfficerId ? [v.secondOfficerId] : []))
			),
			references.orderSubjects(
				db,
				vs.flatMap((v) => v.checks.map((c) => c.orderId))
			)
		]);
	return {
		officerId,
		subjects,
		addressSubject,
		assignments,
		visits: new Map(storedVisits.map((v) => [v.id, v])),
		photos: new Map(storedPhotos.map((p) => [p.id, p])),
		receivedAt: now.toISOString(),
		users,
		orderSubject,
		assignmentDate: new Map(
			[...assignments].flatMap(([subjectId, a]) => (a.date ? [[subjectId, a.date]] : []))
		)
	};
}
