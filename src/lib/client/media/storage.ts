export interface StorageInfo {
	persisted: boolean | null;
	usage: number | null;
	quota: number | null;
	/** Below 20% free: warn before photos fill it. */
	low: boolean;
}

/** Asks the browser not to evict our data under storage pressure, and reports the answer. */
export async function requestPersistence(): Promise<boolean | null> {
	if (!navigator.storage?.persist) return null;
	if (await navigator.storage.persisted()) return true;
	return navigator.storage.persist();
}

export async function storageInfo(): Promise<StorageInfo> {
	const persisted = navigator.storage?.persisted ? await navigator.storage.persisted() : null;
	const est = navigator.storage?.estimate ? await navigator.storage.estimate() : {};
	const usage = est.usage ?? null;
	const quota = est.quota ?? null;
	const low = usage !== null && quota !== null && quota > 0 && (quota - usage) / quota < 0.2;
	return { persisted, usage, quota, low };
}

/** A full disk must never lose a visit: say so plainly, keep the draft, let the officer act. */
export function isQuotaError(e: unknown): boolean {
	if (!(e instanceof Error)) return false;
	const inner = (e as Error & { inner?: unknown }).inner;
	return (
		e.name === 'QuotaExceededError' ||
		(inner instanceof Error && inner.name === 'QuotaExceededError')
	);
}

export const QUOTA_MESSAGE =
	'This device is out of storage space. Nothing you recorded has been lost: delete photos or ' +
	'other files on the device, then try again.';
