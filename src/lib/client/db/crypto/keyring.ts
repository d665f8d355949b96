/**
 * The data key while the device is unlocked: a non-extractable AES-256-GCM CryptoKey held in
 * this module's memory only. Locking drops the reference; nothing here ever touches storage.
 */
export class DeviceLockedError extends Error {
	readonly code = 'device-locked';
	constructor() {
		super('This device is locked: unlock it to read or change its data');
	}
}

let dataKey: CryptoKey | null = null;
const listeners = new Set<(unlocked: boolean) => void>();

export function current(): CryptoKey | null {
	return dataKey;
}

/** The key, or a DeviceLockedError: encrypted rows are unreadable while locked. */
export function require(): CryptoKey {
	if (!dataKey) throw new DeviceLockedError();
	return dataKey;
}

export function isUnlocked(): boolean {
	return dataKey !== null;
}

export function use(key: CryptoKey): void {
	dataKey = key;
	for (const l of listeners) l(true);
}

export function drop(): void {
	dataKey = null;
	for (const l of listeners) l(false);
}

export function onChange(listener: (unlocked: boolean) => void): () => void {
	listeners.add(listener);
	return () => listeners.delete(listener);
}
