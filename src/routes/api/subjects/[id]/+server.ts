import { requireUser } from '$lib/server/auth/guard';
import { teamScope } from '$lib/server/auth/scope';
import { assertSubjectVisible } from '$lib/server/operation/scope';
import * as assignments from '$lib/server/db/assignments';
import * as caseload from '$lib/server/db/caseload';
import { db } from '$lib/server/context';
import * as audit from '$lib/server/db/audit';
import { coverOrders } from '$lib/server/security/zone-cover';
import { ApiFailure, handler, idParam, noStore } from '$lib/server/http';
import type { RequestHandler } from './$types';

/** One subject. Officers only see subjects assigned to them; staff their team's. */
export const GET: RequestHandler = handler(async ({ locals, params }) => {
	const user = requireUser(locals);
	const id = idParam(params.id, 'subject');
	const database = await db();
	if (user.role === 'officer' && !(await assignments.isAssigned(database, user.id, id))) {
		// 404 rather than 403: an officer learns nothing about subjects outside their caseload.
		throw new ApiFailure(404, 'not-found', 'No such subject');
	}
	// Staff see their own team's subjects (an administrator every team's).
	if (user.role !== 'officer') await assertSubjectVisible(database, teamScope(user), id);
	const found = await caseload.loadSubject(database, id);
	if (!found) throw new ApiFailure(404, 'not-found', 'No such subject');
	await audit.write(database, {
		actorId: user.id,
		deviceId: locals.deviceId,
		action: 'subject-read',
		entityId: id,
		outcome: 'accepted'
	});
	// Protected premises leave the server only as covering circles.
	const [covered] = await coverOrders(database, [found]);
	return noStore(covered);
});
