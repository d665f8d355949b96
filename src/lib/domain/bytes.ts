/** Base64url and UTF-8 helpers that work the same in browsers and Node 20 (no Buffer). */

const CHUNK = 0x8000;

/** Native base64 (Chromium 140+, Firefox 133+): about ten times faster on a 2 MB photo. */
type NativeBase64 = Uint8Array & {
	toBase64?: (o?: { alphabet?: 'base64' | 'base64url'; omitPadding?: boolean }) => string;
};

export function toBase64Url(bytes: Uint8Array): string {
	const native = bytes as NativeBase64;
	if (typeof native.toBase64 === 'function') {
		return native.toBase64({ alphabet: 'base64url', omitPadding: true });
	}
	let binary = '';
	// In chunks: String.fromCharCode(...bigArray) overflows the call stack on a 2 MB photo.
	for (let i = 0; i < bytes.length; i += CHUNK) {
		binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
	}
	return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
	const b64 = text.replace(/-/g, '+').replace(/_/g, '/');
	const binary = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
	const out = new Uint8Array(binary.length);
	for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
	return out;
}

/** Standard base64 (with padding), natively where the runtime has it. */
export function toBase64(bytes: Uint8Array): string {
	const native = bytes as NativeBase64;
	if (typeof native.toBase64 === 'function') return native.toBase64();
	const url = toBase64Url(bytes).replace(/-/g, '+').replace(/_/g, '/');
	return url + '='.repeat((4 - (url.length % 4)) % 4);
}

export function utf8(text: string): Uint8Array<ArrayBuffer> {
	return new TextEncoder().encode(text);
}

export function toHex(bytes: ArrayBuffer | Uint8Array): string {
	return Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('');
}

export async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
	return toHex(await globalThis.crypto.subtle.digest('SHA-256', bytes));
}
