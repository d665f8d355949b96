import * as keyring from './keyring';
import { lockedCopy, newDataKey } from './key-wrap';

/** Unit tests of the stores run unlocked, with a fresh data key, as the app does after unlock. */
export async function unlockForTests(): Promise<CryptoKey> {
	const key = await lockedCopy(await newDataKey());
	keyring.use(key);
	return key;
}
