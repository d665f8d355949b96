/**
 * Keeps the unlocked data key across a reload or a page navigation by handing the
 * (non-extractable) CryptoKey to the service worker's memory, never to storage. The worker
 * forgets it after the idle time, when it is stopped, and at once on lock; then the app asks
 * to be unlocked again. See src/service-worker/key-holder.ts.
 */
export type KeyMessage =
	| { type: 'fc-key-put'; key: CryptoKey; ttlMs: number }
	| { type: 'fc-key-touch'; ttlMs: number }
	| { type: 'fc-key-get' }
	| { type: 'fc-key-drop' };

async function worker(waitMs: number): Promise<ServiceWorker | null> {
	if (!('serviceWorker' in navigator)) return null;
	const ready = navigator.serviceWorker.ready.then((r) => r.active);
	const late = new Promise<null>((resolve) => setTimeout(() => resolve(null), waitMs));
	return Promise.race([ready, late]);
}

async function ask<T>(message: KeyMessage, waitMs: number): Promise<T | null> {
	const sw = await worker(waitMs);
	if (!sw) return null;
	const channel = new MessageChannel();
	const answer = new Promise<T | null>((resolve) => {
		channel.port1.onmessage = (e: MessageEvent<T | null>) => resolve(e.data);
		setTimeout(() => resolve(null), waitMs);
	});
	sw.postMessage(message, [channel.port2]);
	return answer;
}

export async function handOver(key: CryptoKey, ttlMs: number): Promise<void> {
	await ask({ type: 'fc-key-put', key, ttlMs }, 5_000);
}

export async function touch(ttlMs: number): Promise<void> {
	await ask({ type: 'fc-key-touch', ttlMs }, 1_000);
}

export async function takeBack(): Promise<CryptoKey | null> {
	return ask<CryptoKey>({ type: 'fc-key-get' }, 1_500);
}

export async function forget(): Promise<void> {
	await ask({ type: 'fc-key-drop' }, 1_500);
}
