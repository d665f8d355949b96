import { isQuotaError } from './storage';

/** Why one chosen photo was not added, in words an officer can act on. */
export function photoFailureReason(e: unknown): string {
	if (isQuotaError(e)) return 'the device is out of storage space';
	if (e instanceof Error && e.message === 'photo-too-large') {
		return 'it is too large even after scaling down';
	}
	if (e instanceof Error && /already been finalised/.test(e.message)) {
		return 'the visit had already been finalised';
	}
	// createImageBitmap rejects what the browser cannot decode (a HEIC on some devices, a video).
	if (e instanceof DOMException || (e instanceof Error && e.name === 'InvalidStateError')) {
		return 'it is not an image this device can read';
	}
	return 'it could not be read or saved';
}

/** "2 of 8 photos were not added: a.heic (…); b.jpg (…)". Null when every photo was added. */
export function photoFailureMessage(
	chosen: number,
	failures: readonly { name: string; reason: string }[]
): string | null {
	if (failures.length === 0) return null;
	const list = failures.map((f) => `${f.name || 'a photo'} (${f.reason})`).join('; ');
	const what = chosen === 1 ? 'The photo was' : `${failures.length} of ${chosen} photos were`;
	const rest = failures.length < chosen ? ' The others are saved.' : '';
	return `${what} not added: ${list}.${rest}`;
}
