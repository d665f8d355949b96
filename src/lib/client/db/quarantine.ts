import { database } from './database';

/**
 * Stored values that no longer parse are moved to the quarantine table, never deleted and never
 * used: readers already treat them as absent, and the officer sees a notice (see
 * quarantinedCount) instead of a crash. The start-up check of every value is quarantine-check.ts;
 * a draft found bad when opened is moved aside by drafts-store.ts.
 */

export async function quarantinedCount(): Promise<number> {
	return database().quarantine.count();
}
