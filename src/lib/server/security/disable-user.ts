import * as audit from '../db/audit';
import type { Db } from '../db/connection';
import * as sessions from '../db/sessions';

/**
 * The server rule for disabling an account (the users screen, h9, calls this): the user can no
 * longer sign in, and every session they hold, on every device, ends in the same transaction.
 * (authenticate() also refuses a disabled user's session, should one be created in between.)
 */
export async function disableUser(
	db: Db,
	userId: string,
	by: string,
	now = new Date()
): Promise<{ sessionsEnded: number }> {
	return db.transaction().execute(async (trx) => {
		await trx.updateTable('users').set({ disabled: 1 }).where('id', '=', userId).execute();
		const sessionsEnded = await sessions.destroyAllOfUser(trx, userId);
		await audit.write(
			trx,
			{
				actorId: by,
				action: 'user-disable',
				entityId: userId,
				outcome: 'accepted',
				detail: `sessions=${sessionsEnded}`
			},
			now
		);
		return { sessionsEnded };
	});
}
