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

/**
 * The registration's newest worker that can hold the key. An installing worker already
 * receives messages and keeps its memory when it activates, so the key is handed over even
 * in the first seconds after the first sign-in, while the worker is still precaching; waiting
 * for activation there lost it to any navigation in between (and showed the lock screen).
 */
async function worker(): Promise<ServiceWorker | null> {
	const reg = await registration();
	return reg?.active ?? reg?.waiting ?? reg?.installing ?? null;
}

/** None in a worker's own scope, in tests, or in a browser without service workers. */
function container(): ServiceWorkerContainer | null {
	return typeof navigator !== 'undefined' && 'serviceWorker' in navigator
		? navigator.serviceWorker
		: null;
}

async function registration(): Promise<ServiceWorkerRegistration | undefined> {
	return container()
		?.getRegistration()
		.catch(() => undefined);
}

async function ask<T>(message: KeyMessage, waitMs: number): Promise<T | null> {
	const sw = await worker();
	return sw ? tell<T>(sw, message, waitMs) : null;
}

function tell<T>(sw: ServiceWorker, message: KeyMessage, waitMs: number): Promise<T | null> {
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

/** Every worker of the registration forgets it: an update may have handed it to two. */
export async function forget(): Promise<void> {
	const reg = await registration();
	const workers = [reg?.active, reg?.waiting, reg?.installing].filter((w) => w != null);
	await Promise.all(workers.map((w) => tell(w, { type: 'fc-key-drop' }, 1_500)));
}

/**
 * An updated worker starts with an empty memory: hand it the key as soon as it takes over,
 * so an update does not lock an officer out mid-shift (the old worker goes with the key).
 */
export function followWorkerChanges(current: () => { key: CryptoKey; ttlMs: number } | null) {
	const sw = container();
	if (!sw) return () => undefined;
	const onChange = () => {
		const held = current();
		if (held) void handOver(held.key, held.ttlMs);
	};
	sw.addEventListener('controllerchange', onChange);
	return () => sw.removeEventListener('controllerchange', onChange);
}
