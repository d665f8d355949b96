/// <reference lib="webworker" />
import type { KeyMessage } from '$lib/client/lock/key-handoff';
import * as keyring from '$lib/client/db/crypto/keyring';

/**
 * Holds the unlocked data key in this worker's memory for the app's pages (see
 * $lib/client/lock/key-handoff.ts) and for Background Sync, until the idle time runs out or a
 * page locks. Never written anywhere: a stopped worker has forgotten it.
 */
export function installKeyHolder(sw: ServiceWorkerGlobalScope): void {
	let timer: ReturnType<typeof setTimeout> | undefined;
	const forget = () => {
		clearTimeout(timer);
		keyring.drop();
	};
	const keepFor = (ttlMs: number) => {
		clearTimeout(timer);
		timer = setTimeout(forget, ttlMs);
	};
	sw.addEventListener('message', (event) => {
		const data = event.data as KeyMessage | undefined;
		if (!data || typeof data.type !== 'string' || !data.type.startsWith('fc-key-')) return;
		const reply = (value: unknown) => event.ports[0]?.postMessage(value);
		if (data.type === 'fc-key-put' && data.key instanceof CryptoKey) {
			keyring.use(data.key);
			keepFor(data.ttlMs);
			reply(true);
		} else if (data.type === 'fc-key-touch') {
			if (keyring.isUnlocked()) keepFor(data.ttlMs);
			reply(keyring.isUnlocked());
		} else if (data.type === 'fc-key-get') {
			reply(keyring.current());
		} else if (data.type === 'fc-key-drop') {
			forget();
			reply(true);
		}
	});
}
