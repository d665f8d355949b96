/**
 * What stays readable in each table. Only what IndexedDB must index, and none of it personal:
 * random ids, states, the device's own times. Every other field of these tables is encrypted.
 * Tables not listed (area pack chunks, sealed items, lock events) hold nothing readable that is
 * personal: map data, ciphertext sealed to the server, and "failed unlock at 10:02".
 */
export const clearFields: Readonly<Record<string, readonly string[]>> = {
	subjects: ['id', 'leaving'],
	meta: ['key'],
	drafts: ['id', 'subjectId', 'updatedAt'],
	visits: ['id', 'subjectId', 'state', 'savedAt'],
	outbox: ['seq', 'visitId'],
	photos: ['id', 'visitId', 'complete'],
	// Values kept aside because they no longer parse: as personal as what they were.
	quarantine: ['id', 'kind']
};

/**
 * Meta entries that must be readable before unlock (to unlock, to say the caseload expired,
 * to resume the map) and say nothing about anyone. Everything else in meta is encrypted.
 */
export const clearMetaKeys: ReadonlySet<string> = new Set([
	'deviceId',
	'nextSeq',
	'cursor',
	'lastSyncedAt',
	'lastPushAt',
	'areaPack',
	'mapConfig',
	'routeConfig',
	'unlock',
	'lockPolicy',
	'failedUnlocks',
	'sealKey',
	'signInRequired'
]);

/** The clear fields of this row, or null when the whole row stays as it is. */
export function clearFieldsFor(table: string, row: unknown): readonly string[] | null {
	const fields = clearFields[table];
	if (!fields) return null;
	if (table === 'meta' && clearMetaKeys.has((row as { key?: string }).key ?? '')) return null;
	return fields;
}
