import { database } from './database';

/** Small named values kept on the device: cursor, last sync, the signed-in user, device id. */
export interface MetaValues {
	cursor: string;
	lastSyncedAt: string;
	user: import('$lib/domain/user').User;
	deviceId: string;
}

export async function get<K extends keyof MetaValues>(key: K): Promise<MetaValues[K] | undefined> {
	return (await database().meta.get(key))?.value as MetaValues[K] | undefined;
}

export async function set<K extends keyof MetaValues>(key: K, value: MetaValues[K]): Promise<void> {
	await database().meta.put({ key, value });
}

export async function remove(key: keyof MetaValues): Promise<void> {
	await database().meta.delete(key);
}
