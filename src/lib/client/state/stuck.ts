/** Anything waiting longer than this while online is flagged. */
export const STUCK_AFTER_MS = 15 * 60 * 1000;

/** Waiting since `since` for longer than STUCK_AFTER_MS although we are online. */
export function isStuck(since: string | null, now: Date, online: boolean): boolean {
	return online && since !== null && now.getTime() - Date.parse(since) > STUCK_AFTER_MS;
}
