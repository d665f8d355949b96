import type { User } from '$lib/domain/user';
import { database } from './database';

/** Small named values kept on the device. */
export interface MetaValues {
	cursor: string;
	lastSyncedAt: string;
	user: User;
	/** This device's id in the sync protocol, created on first use. */
	deviceId: string;
	/** The next per-device mutation sequence number (1, 2, 3…). */
	nextSeq: number;
	/** Colleagues who may be named as second officer, for choosing offline. */
	officers: User[];
	lastPushAt: string;
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

/** The device id, created once and kept with the data it numbers. */
export async function deviceId(): Promise<string> {
	const db = database();
	return db.transaction('rw', db.meta, async () => {
		const existing = await get('deviceId');
		if (existing) return existing;
		const id = crypto.randomUUID();
		await set('deviceId', id);
		return id;
	});
}
