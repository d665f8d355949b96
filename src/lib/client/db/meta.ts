import type { MapConfig } from '$lib/domain/map-config';
import type { SealKey } from '$lib/domain/sealed';
import type { RouteConfig, RoutePlan, RouteSettings } from '$lib/domain/route-plan';
import type { User } from '$lib/domain/user';
import type { MapSubject } from '../map/map-points';
import type { CaseloadOrder } from './caseload-order-store';
import type { LockPolicy, UnlockRecord } from './crypto/unlock-record';
import { database, type StoredAreaPack } from './database';

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
	/** The officer's route plan; parsed again on reading (it may predate this build). */
	routePlan: RoutePlan;
	routeSettings: RouteSettings;
	/** Where road travel times come from, last heard from the server. */
	routeConfig: RouteConfig;
	/** The basemap settings last heard from the server, so the map knows them offline. */
	mapConfig: MapConfig;
	/** The offline area pack, complete or part-downloaded (its bytes are in areaPackChunks). */
	areaPack: StoredAreaPack;
	/** The caseload as the map needs it, for the caseload at `cursor` (rebuilt when that moves). */
	mapSubjects: { version: number; cursor: string; subjects: MapSubject[] };
	/** [sortKey, id] in the caseload's default order (encrypted: sort keys hold names). */
	caseloadOrder: CaseloadOrder;
	/** The data key wrapped by each way of unlocking; never the key itself. */
	unlock: UnlockRecord;
	lockPolicy: LockPolicy;
	/** Failed unlocks since the last success; counted before each try, so reloads don't reset it. */
	failedUnlocks: number;
	/** Set by a wipe: only an online sign-in with a password opens this device again. */
	signInRequired: boolean;
	/** The server's public key that finalised visits are sealed to (from sign-in). */
	sealKey: SealKey;
	/** The hash of this device's last finalised visit: the next one chains to it. */
	chainHead: string;
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
